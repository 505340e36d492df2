using System.Text;

namespace Watchbot.Core.Messages;

/// <summary>Text that every platform takes: no lone surrogate (Telegram refuses the message, Discord and JSON mangle
/// it), and cuts that never fall between the two halves of an emoji or other surrogate pair.</summary>
public static class SafeText
{
    /// <summary>The text with each lone surrogate replaced by U+FFFD; the same instance when there is none.</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstLoneSurrogate(text);
        if (first < 0)
        {
            return text;
        }

        var repaired = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                repaired.Append(c).Append(text[++i]);
            }
            else
            {
                repaired.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return repaired.ToString();
    }

    /// <summary>At most <paramref name="length"/> UTF-16 units from the start, one fewer when the cut would fall inside a surrogate pair.</summary>
    public static string Prefix(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        var keep = Math.Max(0, length);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]) && char.IsLowSurrogate(text[keep]))
        {
            keep--;
        }

        return text[..keep];
    }

    /// <summary>The text, or its start and "…" in at most <paramref name="max"/> units when it is longer.</summary>
    public static string Clip(string text, int max) =>
        text.Length <= max ? text : Prefix(text, Math.Max(0, max - 1)) + "…";

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
