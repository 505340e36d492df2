using System.Globalization;
using System.Text;

namespace Watchbot.Fakes.Telegram;

/// <summary>Telegram's HTML parse mode as the Bot API documents it: only the allowed tags, properly nested, and only
/// &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities. Returns the text after entity parsing, or the error Telegram gives.</summary>
public static class FakeHtml
{
    private static readonly HashSet<string> Allowed =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    public static (string? Text, string? Error) Parse(string html)
    {
        var text = new StringBuilder();
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    return (null, $"Unclosed start tag at byte offset {i}");
                }

                var inner = html[(i + 1)..end];
                if (inner.StartsWith('/'))
                {
                    var name = inner[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return (null, $"Unmatched end tag at byte offset {i}, expected \"</{(open.Count > 0 ? open.Peek() : "")}>\", found \"</{name}>\"");
                    }
                }
                else
                {
                    var name = inner.Split(' ', 2)[0].ToLowerInvariant();
                    if (!Allowed.Contains(name))
                    {
                        return (null, $"Unsupported start tag \"{name}\" at byte offset {i}");
                    }

                    if (name == "a" && !inner.Contains("href=\"", StringComparison.Ordinal))
                    {
                        return (null, "Can't find end of href attribute");
                    }

                    open.Push(name);
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                if (end < 0 || end - i > 10)
                {
                    return (null, $"Can't find end of the entity starting at byte offset {i}");
                }

                var entity = html[(i + 1)..end];
                string? value = entity switch
                {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    _ when entity.StartsWith("#x", StringComparison.Ordinal) && int.TryParse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) => char.ConvertFromUtf32(hex),
                    _ when entity.StartsWith('#') && int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) => char.ConvertFromUtf32(dec),
                    _ => null,
                };
                if (value is null)
                {
                    return (null, $"Unsupported HTML entity \"&{entity};\" at byte offset {i}");
                }

                text.Append(value);
                i = end + 1;
            }
            else if (c == '>')
            {
                return (null, $"Unexpected > at byte offset {i}");
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return open.Count > 0 ? (null, $"Can't find end tag corresponding to start tag \"{open.Peek()}\"") : (text.ToString(), null);
    }
}
