using System.Text;
using System.Text.RegularExpressions;

namespace Watchbot.Extraction.Text;

/// <summary>Straightens quotes and dashes, drops control characters and joins paragraphs that a page break split.</summary>
public static partial class TextNormalizer
{
    private static readonly HashSet<string> JoiningWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "that", "which",
        "who", "whom", "whose", "as", "than", "into", "onto", "its", "their", "his", "her", "our", "this", "these", "those",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "not", "will", "would", "could", "can", "said", "says",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> JoiningLookup = JoiningWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Curly quotes to straight ones, dashes to '-', non-breaking and odd spaces to plain ones.</summary>
    public static string NormalizeCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033':
                    sb.Append('"');
                    break;
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC':
                    sb.Append('\'');
                    break;
                case '\u2013' or '\u2012' or '\u2212':
                    sb.Append('-');
                    break;
                case '\u2014' or '\u2015':
                    // An em dash sets off a phrase: keep the words apart.
                    sb.Append(" - ");
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\t':
                    sb.Append(' ');
                    break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                    break;
                case '\u2026':
                    sb.Append("...");
                    break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        break;
                    }

                    sb.Append('\n');
                    break;
                default:
                    if (char.IsControl(c) && c != '\n')
                    {
                        break;
                    }

                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Splits text into paragraphs at blank lines, joins the lines inside each, and glues a paragraph to the next when
    /// a page break cut a sentence in two (no closing punctuation and the next starts in lower case, or the first ends
    /// on a word that cannot end a sentence, or it is a long sentence-like line).
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string text)
    {
        var raw = BlankLines().Split(text)
            .Select(p => Spaces().Replace(p.Replace('\n', ' '), " ").Trim())
            .Where(p => p.Length > 0)
            .ToList();
        // Joined paragraphs grow in a builder, and what ShouldJoin asks of them is kept up to date as they grow: joining
        // by concatenation, and scanning the joined text each time, took time quadratic in the paragraphs joined.
        var result = new List<string>(raw.Count);
        var open = new StringBuilder();
        var hasCommaSpace = false;
        foreach (var paragraph in raw)
        {
            if (open.Length > 0 && ShouldJoin(open, hasCommaSpace, paragraph))
            {
                hasCommaSpace |= open[^1] == ',' || paragraph.Contains(", ", StringComparison.Ordinal);
                open.Append(' ').Append(paragraph);
                continue;
            }

            if (open.Length > 0)
            {
                result.Add(open.ToString());
            }

            open.Clear().Append(paragraph);
            hasCommaSpace = paragraph.Contains(", ", StringComparison.Ordinal);
        }

        if (open.Length > 0)
        {
            result.Add(open.ToString());
        }

        return result;
    }

    private static bool ShouldJoin(StringBuilder previous, bool previousHasCommaSpace, string next)
    {
        var last = previous[^1];
        if (".!?:;\")]'".Contains(last, StringComparison.Ordinal) || previous[0] == '#')
        {
            return false;
        }

        if (char.IsLower(next[0]))
        {
            return true;
        }

        if (last == ',' || IsJoiningWord(previous))
        {
            return true;
        }

        return previous.Length > 80 && previousHasCommaSpace && char.IsLetterOrDigit(next[0]);
    }

    /// <summary>The last word (a run of \w and apostrophes at the very end, as <c>[\w']+$</c> found it) is one that cannot end a sentence.</summary>
    private static bool IsJoiningWord(StringBuilder text)
    {
        var start = text.Length;
        while (start > 0 && start > text.Length - 8 && IsWordOrApostrophe(text[start - 1]))
        {
            start--;
        }

        // The longest joining word has 5 letters: a longer run is not one of them, however long it is.
        if (start > 0 && IsWordOrApostrophe(text[start - 1]))
        {
            return false;
        }

        Span<char> word = stackalloc char[text.Length - start];
        text.CopyTo(start, word, word.Length);
        return JoiningLookup.Contains(word);
    }

    private static bool IsWordOrApostrophe(char c) => WordOrApostrophe().IsMatch(new ReadOnlySpan<char>(in c));

    [GeneratedRegex(@"^[\w']$")]
    private static partial Regex WordOrApostrophe();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"[ ]{2,}")]
    private static partial Regex Spaces();

}
