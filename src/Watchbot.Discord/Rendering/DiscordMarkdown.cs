using Watchbot.Core.Messages;
using System.Text;

namespace Watchbot.Discord.Rendering;

/// <summary>Plain text made safe for Discord markdown: formatting characters are escaped, so article text can
/// neither format nor mention anything; links become masked links when their URL is http(s).</summary>
public static class DiscordMarkdown
{
    private const string Special = "\\*_~`|><[]()#@";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in SafeText.Repair(text))
        {
            if (char.IsControl(c) && c != '\n')
            {
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>"[label](url)" for an http(s) URL, the escaped label alone otherwise.</summary>
    public static string Link(string label, string url)
    {
        var text = Escape(label.Length == 0 ? "link" : label).Replace("\n", " ", StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Length > 512)
        {
            return text;
        }

        var safe = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
        return $"[{text}]({safe})";
    }

    /// <summary>Cuts text to at most <paramref name="max"/> characters, ending in "…", never inside an escape or a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = Math.Max(0, max - 1);
        var kept = SafeText.Prefix(text, cut);
        if (kept.Length > 0 && kept[^1] == '\\')
        {
            kept = kept[..^1];
        }

        return kept + "…";
    }
}
