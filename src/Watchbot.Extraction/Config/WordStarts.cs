namespace Watchbot.Extraction.Config;

/// <summary>
/// Where the words of a text start: each ASCII letter or digit that does not follow an ASCII letter, digit or '_'.
/// The rules ask dozens of lexicon lists about the same sentence, one after the other, so the last text's starts are
/// kept for the thread that asked (strings do not change, so the same instance means the same starts).
/// </summary>
internal static class WordStarts
{
    [ThreadStatic]
    private static string? _text;

    [ThreadStatic]
    private static int[]? _starts;

    [ThreadStatic]
    private static int _count;

    public static ReadOnlySpan<int> Of(string text)
    {
        if (!ReferenceEquals(text, _text))
        {
            var starts = _starts is { } kept && kept.Length >= text.Length / 2 + 1 ? kept : new int[Math.Max(64, text.Length / 2 + 1)];
            var count = 0;
            for (var p = 0; p < text.Length; p++)
            {
                if (char.IsAsciiLetterOrDigit(text[p]) && (p == 0 || !PrefixGate.IsWordChar(text[p - 1])))
                {
                    starts[count++] = p;
                }
            }

            (_text, _starts, _count) = (text, starts, count);
        }

        return _starts.AsSpan(0, _count);
    }
}
