using Watchbot.Core.Messages;
using System.Text;

namespace Watchbot.Telegram.Rendering;

/// <summary>Telegram HTML escaping: &amp;, &lt; and &gt; in text, and &quot; too inside attribute values.</summary>
public static class HtmlText
{
    /// <summary>Escaped for Telegram HTML; a lone surrogate (which Telegram refuses) becomes U+FFFD.</summary>
    public static string Escape(string text)
    {
        text = SafeText.Repair(text);
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Only http(s) addresses become links; anything else would be refused or unsafe.</summary>
    public static bool IsLinkable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The first <paramref name="length"/> UTF-16 units, never splitting a surrogate pair, plus an ellipsis.</summary>
    public static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var keep = Math.Max(0, length - 1);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep].TrimEnd() + "…";
    }
}
