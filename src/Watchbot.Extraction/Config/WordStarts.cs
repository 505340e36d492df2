namespace Watchbot.Extraction.Config;

/// <summary>
/// Where the words of a text start (each ASCII letter or digit that does not follow an ASCII letter, digit or '_'),
/// with the first two characters of each word folded to lower case and packed into a number below 2^14
/// (<see cref="Key"/>). The rules ask dozens of lexicon lists about the same sentence, one after the other, so the last
/// text's starts are kept for the thread that asked (strings do not change, so the same instance means the same starts).
/// </summary>
internal static class WordStarts
{
    [ThreadStatic]
    private static string? _text;

    [ThreadStatic]
    private static int[]? _starts;

    [ThreadStatic]
    private static int[]? _keys;

    [ThreadStatic]
    private static int _count;

    /// <summary>The packed pair of a word start: the folded first character, then the second one (0 when there is no ASCII second character).</summary>
    public static int Key(char first, char second) => Fold(first) << 7 | (second < 128 ? Fold(second) : 0);

    public static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    public static int Of(string text, out ReadOnlySpan<int> starts, out ReadOnlySpan<int> keys)
    {
        if (!ReferenceEquals(text, _text))
        {
            var size = text.Length / 2 + 1;
            var (startArray, keyArray) = _starts is { } kept && kept.Length >= size ? (kept, _keys!) : (new int[Math.Max(64, size)], new int[Math.Max(64, size)]);
            var count = 0;
            for (var p = 0; p < text.Length; p++)
            {
                var c = text[p];
                if (char.IsAsciiLetterOrDigit(c) && (p == 0 || !PrefixGate.IsWordChar(text[p - 1])))
                {
                    startArray[count] = p;
                    keyArray[count++] = Key(c, p + 1 < text.Length ? text[p + 1] : '\0');
                }
            }

            (_text, _starts, _keys, _count) = (text, startArray, keyArray, count);
        }

        starts = _starts.AsSpan(0, _count);
        keys = _keys.AsSpan(0, _count);
        return _count;
    }
}
