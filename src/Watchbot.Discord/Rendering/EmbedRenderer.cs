using System.Text;
using Watchbot.Core.Messages;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rendering;

/// <summary>
/// Renders a message as Discord messages of embeds within every limit: each item is one line of an embed's
/// description, and the message is split between items (a new embed when the description is full, a new Discord
/// message after 10 embeds or 6000 characters). Only an item too long for an embed on its own is cut.
/// Every message carries allowed_mentions with an empty parse.
/// </summary>
public static class EmbedRenderer
{
    public static int ColorOf(MessageKind kind) => kind switch
    {
        MessageKind.Alert => 0xC0392B,
        MessageKind.Digest => 0x2E86C1,
        MessageKind.Recap => 0x8E44AD,
        _ => 0x7F8C8D,
    };

    public static IReadOnlyList<MessageBody> Render(OutgoingMessage message, int? flags = null)
    {
        var footer = string.IsNullOrWhiteSpace(message.Footer) ? null : DiscordMarkdown.Truncate(SafeText.Repair(message.Footer.Trim()), EmbedLimits.Footer);
        var budget = EmbedLimits.CharactersPerMessage - (footer?.Length ?? 0);
        var color = ColorOf(message.Kind);
        var messages = new List<List<Embed>>();
        var embeds = new List<Embed>();
        var used = 0;
        var title = message.Title.Length == 0 ? null : DiscordMarkdown.Truncate(DiscordMarkdown.Escape(message.Title.Replace('\n', ' ')), EmbedLimits.Title);
        var description = new StringBuilder();
        used += title?.Length ?? 0;

        foreach (var section in message.Sections)
        {
            var heading = section.Heading is null ? null : "**" + DiscordMarkdown.Truncate(DiscordMarkdown.Escape(section.Heading.Replace('\n', ' ')), 200) + "**";
            var first = true;
            foreach (var item in section.Items)
            {
                var line = ItemLine(item, section.Heading is not null);
                var block = first && heading is not null ? heading + "\n" + line : line;
                if (!Fits(block))
                {
                    CloseEmbed();
                    block = heading is null ? line : heading + (first ? "" : " (continued)") + "\n" + line;
                    if (used + block.Length > budget)
                    {
                        CloseMessage();
                    }

                    var room = Math.Min(EmbedLimits.Description, budget - used);
                    block = DiscordMarkdown.Truncate(block, room);
                }

                Append(block);
                first = false;
            }

            if (section.Items.Count == 0 && heading is not null)
            {
                if (!Fits(heading))
                {
                    CloseEmbed();
                    if (used + heading.Length > budget)
                    {
                        CloseMessage();
                    }
                }

                Append(heading);
            }
        }

        CloseEmbed();
        CloseMessage();
        if (messages.Count == 0)
        {
            messages.Add([new Embed(Title: "(empty)", Color: color)]);
        }

        return WithFooter(messages.Select(m => new MessageBody(null, m, AllowedMentions.None, flags)).ToList(), footer);

        bool Fits(string block)
        {
            var extra = (description.Length > 0 ? 1 : 0) + block.Length;
            return description.Length + extra <= EmbedLimits.Description && used + extra <= budget;
        }

        void Append(string block)
        {
            if (description.Length > 0)
            {
                description.Append('\n');
                used++;
            }

            description.Append(block);
            used += block.Length;
        }

        void CloseEmbed()
        {
            if (description.Length == 0 && title is null)
            {
                return;
            }

            if (embeds.Count == EmbedLimits.EmbedsPerMessage)
            {
                CloseMessage();
            }

            embeds.Add(new Embed(title, description.Length == 0 ? null : description.ToString(), color));
            title = null;
            description.Clear();
            if (embeds.Count == EmbedLimits.EmbedsPerMessage)
            {
                CloseMessage();
            }
        }

        void CloseMessage()
        {
            if (embeds.Count > 0)
            {
                messages.Add(embeds);
                embeds = [];
            }

            used = description.Length + (title?.Length ?? 0);
        }
    }

    /// <summary>Puts the footer on the last embed of the last message.</summary>
    public static IReadOnlyList<MessageBody> WithFooter(IReadOnlyList<MessageBody> bodies, string? footer)
    {
        if (footer is null || bodies.Count == 0)
        {
            return bodies;
        }

        var last = bodies[^1];
        var embeds = last.Embeds!.ToList();
        embeds[^1] = embeds[^1] with { Footer = new EmbedFooter(footer) };
        return [.. bodies.Take(bodies.Count - 1), last with { Embeds = embeds }];
    }

    private static string ItemLine(MessageItem item, bool bullet)
    {
        var text = new StringBuilder();
        text.Append(bullet ? "• " : "").Append(DiscordMarkdown.Escape(item.Text.Trim()));
        if (item.Links.Count > 0)
        {
            text.Append(" (").AppendJoin(" · ", item.Links.Select(l => DiscordMarkdown.Link(l.Label, l.Url))).Append(')');
        }

        return text.ToString();
    }
}
