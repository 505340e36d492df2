using System.Text;
using Watchbot.Core.Messages;

namespace Watchbot.Telegram.Rendering;

/// <summary>One message as Telegram will receive it: HTML, and the length of its text once the tags are parsed.</summary>
public sealed record RenderedPart(string Html, int TextLength);

/// <summary>
/// Renders a message as Telegram HTML (only &lt;b&gt;, &lt;i&gt; and &lt;a href&gt;; every piece of text escaped) and
/// splits it into parts of at most <see cref="MaxLength"/> characters after entity parsing. Parts break between
/// items, never inside one; a section's heading is repeated atop a part that continues it; an item that alone is
/// too long is cut with an ellipsis. The first part can be held shorter (<c>firstMaxLength</c>): a photo's caption takes
/// at most <see cref="MaxCaptionLength"/>.
/// </summary>
public static class TelegramHtmlRenderer
{
    public const int MaxLength = 4096;

    /// <summary>The most a photo's caption may hold, counted after entity parsing (Bot API, sendPhoto).</summary>
    public const int MaxCaptionLength = 1024;

    public static IReadOnlyList<RenderedPart> Render(OutgoingMessage message, int maxLength = MaxLength, int? firstMaxLength = null)
    {
        var packer = new Packer(maxLength, Math.Min(maxLength, firstMaxLength ?? maxLength));
        if (message.Title.Length > 0)
        {
            packer.Add(Bold(message.Title, maxLength / 2), blankBefore: false);
        }

        foreach (var section in message.Sections)
        {
            var heading = section.Heading is null ? null : Bold(section.Heading, maxLength / 4);
            var first = true;
            foreach (var item in section.Items)
            {
                var line = Item(item, heading is null ? "" : "• ", maxLength - (heading is null ? 0 : heading.TextLength + 1));
                var withHeading = first && heading is not null;
                if (!packer.Fits(line, withHeading ? heading : null))
                {
                    packer.Flush();
                    withHeading = heading is not null;
                }

                if (withHeading)
                {
                    packer.Add(heading!, blankBefore: true);
                }

                packer.Add(line, blankBefore: heading is null && first && section != message.Sections[0]);
                first = false;
            }

            if (first && heading is not null)
            {
                if (!packer.Fits(heading, null))
                {
                    packer.Flush();
                }

                packer.Add(heading, blankBefore: true);
            }
        }

        if (!string.IsNullOrEmpty(message.Footer))
        {
            var cut = HtmlText.Cut(message.Footer, maxLength);
            var footer = new RenderedPart($"<i>{HtmlText.Escape(cut)}</i>", cut.Length);
            if (!packer.Fits(footer, null))
            {
                packer.Flush();
            }

            packer.Add(footer, blankBefore: true);
        }

        return packer.Finish();
    }

    private static RenderedPart Bold(string text, int maxLength)
    {
        var cut = HtmlText.Cut(text, maxLength);
        return new RenderedPart($"<b>{HtmlText.Escape(cut)}</b>", cut.Length);
    }

    /// <summary>One item: its text, then its links; cut to fit one message on its own.</summary>
    private static RenderedPart Item(MessageItem item, string bullet, int maxLength)
    {
        var links = item.Links.Where(l => HtmlText.IsLinkable(l.Url)).ToList();
        var text = item.Text;
        if (bullet.Length + text.Length + links.Sum(l => 1 + Label(l).Length) > maxLength)
        {
            links = [];
            text = HtmlText.Cut(text, maxLength - bullet.Length);
        }

        var html = new StringBuilder().Append(bullet).Append(HtmlText.Escape(text));
        var length = bullet.Length + text.Length;
        foreach (var link in links)
        {
            var label = Label(link);
            html.Append(" <a href=\"").Append(HtmlText.Escape(link.Url)).Append("\">").Append(HtmlText.Escape(label)).Append("</a>");
            length += 1 + label.Length;
        }

        return new RenderedPart(html.ToString(), length);
    }

    private static string Label(MessageLink link) => HtmlText.Cut(string.IsNullOrWhiteSpace(link.Label) ? "source" : link.Label.Trim(), 64);

    /// <summary>Fills parts line by line; lines are joined by a newline, blocks by a blank line.</summary>
    private sealed class Packer(int maxLength, int firstMaxLength)
    {
        private readonly List<RenderedPart> parts = [];
        private readonly StringBuilder html = new();
        private int length;

        public bool Fits(RenderedPart line, RenderedPart? heading) =>
            length == 0 || length + 2 + line.TextLength + (heading is null ? 0 : heading.TextLength + 1) <= (parts.Count == 0 ? firstMaxLength : maxLength);

        public void Add(RenderedPart line, bool blankBefore)
        {
            if (length > 0)
            {
                var separator = blankBefore ? "\n\n" : "\n";
                html.Append(separator);
                length += separator.Length;
            }

            html.Append(line.Html);
            length += line.TextLength;
        }

        public void Flush()
        {
            if (length > 0)
            {
                parts.Add(new RenderedPart(html.ToString(), length));
            }

            html.Clear();
            length = 0;
        }

        public IReadOnlyList<RenderedPart> Finish()
        {
            Flush();
            if (parts.Count == 0)
            {
                parts.Add(new RenderedPart("(empty message)", 15));
            }

            return parts;
        }
    }
}
