using System.Text;
using System.Text.RegularExpressions;

namespace Watchbot.Host.Tests.Reliability.Fuzzing;

/// <summary>
/// A stricter parser of Telegram's HTML parse mode than Telegram itself: only b, i, u, s, code, pre, a href,
/// tg-spoiler and blockquote; tags balanced and properly nested; &amp; only in a known or numeric entity; no raw
/// &lt; or &gt; in text; no lone surrogate; at most 4096 characters (UTF-16 units) of text after parsing, not blank.
/// Returns the problem, or null when Telegram would surely accept the HTML.
/// </summary>
public static partial class StrictTelegramHtml
{
    private static readonly HashSet<string> Allowed = ["b", "i", "u", "s", "code", "pre", "a", "tg-spoiler", "blockquote"];

    [GeneratedRegex("""^<(/?)([a-z-]+)((?: href="[^"<>]*")?)>""")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex EntityPattern();

    public static string? Problem(string html)
    {
        if (LoneSurrogate(html) is { } at)
        {
            return $"a lone surrogate at {at}";
        }

        var open = new Stack<string>();
        var text = new StringBuilder();
        for (var i = 0; i < html.Length;)
        {
            var c = html[i];
            if (c == '<')
            {
                var tag = TagPattern().Match(html[i..Math.Min(html.Length, i + 600)]);
                if (!tag.Success || !Allowed.Contains(tag.Groups[2].Value))
                {
                    return $"an unknown or malformed tag at {i}: {Excerpt(html, i)}";
                }

                var name = tag.Groups[2].Value;
                var closing = tag.Groups[1].Value == "/";
                if (tag.Groups[3].Value.Length > 0 && (closing || name != "a"))
                {
                    return $"an attribute on <{tag.Groups[1].Value}{name}> at {i}";
                }

                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return $"</{name}> closes nothing open at {i}";
                    }
                }
                else
                {
                    if (name == "a" && tag.Groups[3].Value.Length == 0)
                    {
                        return $"<a> without href at {i}";
                    }

                    open.Push(name);
                }

                i += tag.Length;
                continue;
            }

            if (c == '>')
            {
                return $"a raw '>' at {i}";
            }

            if (c == '&')
            {
                var entity = EntityPattern().Match(html[i..Math.Min(html.Length, i + 12)]);
                if (!entity.Success)
                {
                    return $"a bare '&' at {i}: {Excerpt(html, i)}";
                }

                text.Append(System.Net.WebUtility.HtmlDecode(entity.Value));
                i += entity.Length;
                continue;
            }

            text.Append(c);
            i++;
        }

        if (open.Count > 0)
        {
            return $"<{open.Peek()}> is never closed";
        }

        if (text.Length > 4096)
        {
            return $"{text.Length} characters after parsing (limit 4096)";
        }

        return string.IsNullOrWhiteSpace(text.ToString()) ? "the text is empty" : null;
    }

    /// <summary>The index of the first surrogate without its partner, or null.</summary>
    public static int? LoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static string Excerpt(string text, int at) => text.Substring(at, Math.Min(40, text.Length - at));
}
