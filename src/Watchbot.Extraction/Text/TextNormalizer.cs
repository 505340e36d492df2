using System.Buffers;
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

    /// <summary>The characters <see cref="NormalizeCharacters"/> changes or drops; a text without any comes back as it is.</summary>
    private static readonly SearchValues<char> Changed = SearchValues.Create(
        "\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2018\u2019\u201A\u201B\u2032\u02BC\u2013\u2012\u2212\u2014\u2015" +
        "\u00A0\u2007\u202F\u2009\u200A\u2002\u2003\t\u00AD\u200B\u200C\u200D\uFEFF\u2026\r" + ControlCharacters());

    /// <summary>Curly quotes to straight ones, dashes to '-', non-breaking and odd spaces to plain ones.</summary>
    public static string NormalizeCharacters(string text)
    {
        if (!text.AsSpan().ContainsAny(Changed))
        {
            return text;
        }

        // An em dash or an ellipsis becomes three characters: the output is at most three times as long. One pooled
        // buffer and the final string, rather than a builder's chunks and then the string. The characters to change are
        // few (quotes, dashes): the text between them is copied a run at a time.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length * 3);
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var next = text.AsSpan(i).IndexOfAny(Changed);
                if (next < 0)
                {
                    text.AsSpan(i).CopyTo(buffer.AsSpan(length));
                    length += text.Length - i;
                    break;
                }

                text.AsSpan(i, next).CopyTo(buffer.AsSpan(length));
                length += next;
                i += next;
                var c = text[i];
                switch (c)
                {
                    case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033':
                        buffer[length++] = '"';
                        break;
                    case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC':
                        buffer[length++] = '\'';
                        break;
                    case '\u2013' or '\u2012' or '\u2212':
                        buffer[length++] = '-';
                        break;
                    case '\u2014' or '\u2015':
                        // An em dash sets off a phrase: keep the words apart.
                        (buffer[length], buffer[length + 1], buffer[length + 2]) = (' ', '-', ' ');
                        length += 3;
                        break;
                    case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\t':
                        buffer[length++] = ' ';
                        break;
                    case '\u2026':
                        (buffer[length], buffer[length + 1], buffer[length + 2]) = ('.', '.', '.');
                        length += 3;
                        break;
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            break;
                        }

                        buffer[length++] = '\n';
                        break;

                    // The rest of the set: invisible characters (soft hyphen, zero-width, byte-order mark) and controls other than '\n', dropped.
                }
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string ControlCharacters()
    {
        var controls = new StringBuilder();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (char.IsControl(c) && c != '\n')
            {
                controls.Append(c);
            }
        }

        return controls.ToString();
    }

    /// <summary>
    /// Splits text into paragraphs at blank lines, joins the lines inside each, and glues a paragraph to the next when
    /// a page break cut a sentence in two (no closing punctuation and the next starts in lower case, or the first ends
    /// on a word that cannot end a sentence, or it is a long sentence-like line).
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string text) => Paragraphs(text, text);

    /// <inheritdoc cref="Paragraphs(string)"/>
    /// <param name="text">The text to cut.</param>
    /// <param name="whole">The same text as a string when there is one: a text that is one paragraph as it stands is returned as it is.</param>
    internal static IReadOnlyList<string> Paragraphs(ReadOnlySpan<char> text, string? whole = null)
    {
        var raw = RawParagraphs(text, whole);
        // Joined paragraphs grow in a builder, and what ShouldJoin asks of them is kept up to date as they grow: joining
        // by concatenation, and scanning the joined text each time, took time quadratic in the paragraphs joined.
        // A paragraph that nothing joins stays the string it is; the builder holds only paragraphs being joined.
        var result = new List<string>(raw.Count);
        var open = new StringBuilder();
        string? single = null;
        var hasCommaSpace = false;
        Span<char> tail = stackalloc char[JoinTail];
        foreach (var paragraph in raw)
        {
            if (single is not null || open.Length > 0)
            {
                var last = single is not null ? single.AsSpan(Math.Max(0, single.Length - JoinTail)) : Tail(open, tail);
                var (first, length) = single is not null ? (single[0], single.Length) : (open[0], open.Length);
                if (ShouldJoin(last, first, length, hasCommaSpace, paragraph))
                {
                    if (single is not null)
                    {
                        open.Clear().Append(single);
                        single = null;
                    }

                    hasCommaSpace |= last[^1] == ',' || paragraph.Contains(", ", StringComparison.Ordinal);
                    open.Append(' ').Append(paragraph);
                    continue;
                }
            }

            Close();
            single = paragraph;
            hasCommaSpace = paragraph.Contains(", ", StringComparison.Ordinal);
        }

        Close();
        return result;

        void Close()
        {
            if (single is not null)
            {
                result.Add(single);
            }
            else if (open.Length > 0)
            {
                result.Add(open.ToString());
            }

            single = null;
            open.Clear();
        }
    }

    /// <summary>
    /// The text cut at each blank line (a line break, spaces or tabs, a line break, and any white space after), each
    /// piece with its line breaks made spaces, runs of spaces made one, and no white space at either end; empty pieces
    /// dropped.
    /// </summary>
    internal static List<string> RawParagraphs(ReadOnlySpan<char> text, string? whole = null)
    {
        var pieces = new List<string>();
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var start = 0;
            for (var i = text.IndexOf('\n'); ; i = NextLineBreak(text, i + 1))
            {
                if (i < 0)
                {
                    AddPiece(text[start..], buffer, pieces, whole);
                    return pieces;
                }

                var j = i + 1;
                while (j < text.Length && text[j] is ' ' or '\t')
                {
                    j++;
                }

                if (j >= text.Length || text[j] != '\n')
                {
                    continue;
                }

                AddPiece(text[start..i], buffer, pieces, whole);
                for (j++; j < text.Length && char.IsWhiteSpace(text[j]); j++)
                {
                }

                start = j;
                i = j - 1;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        static int NextLineBreak(ReadOnlySpan<char> text, int from) => text[from..].IndexOf('\n') is var k && k >= 0 ? from + k : -1;

        static void AddPiece(ReadOnlySpan<char> piece, char[] buffer, List<string> pieces, string? whole)
        {
            var length = 0;
            foreach (var c in piece)
            {
                var d = c == '\n' ? ' ' : c;
                if (d != ' ' || length == 0 || buffer[length - 1] != ' ')
                {
                    buffer[length++] = d;
                }
            }

            var trimmed = buffer.AsSpan(0, length).Trim();
            if (trimmed.Length > 0)
            {
                pieces.Add(whole is not null && trimmed.SequenceEqual(whole) ? whole : trimmed.ToString());
            }
        }
    }

    /// <summary>How many characters at the end of a paragraph <see cref="ShouldJoin"/> reads: a joining word and the character before it.</summary>
    private const int JoinTail = 9;

    private static ReadOnlySpan<char> Tail(StringBuilder text, Span<char> into)
    {
        var count = Math.Min(into.Length, text.Length);
        text.CopyTo(text.Length - count, into, count);
        return into[..count];
    }

    /// <summary>Whether the next paragraph continues this one, read from its last characters, its first one and its length.</summary>
    private static bool ShouldJoin(ReadOnlySpan<char> previousTail, char previousFirst, int previousLength, bool previousHasCommaSpace, string next)
    {
        var last = previousTail[^1];
        if (".!?:;\")]'".Contains(last, StringComparison.Ordinal) || previousFirst == '#')
        {
            return false;
        }

        if (char.IsLower(next[0]))
        {
            return true;
        }

        if (last == ',' || IsJoiningWord(previousTail))
        {
            return true;
        }

        return previousLength > 80 && previousHasCommaSpace && char.IsLetterOrDigit(next[0]);
    }

    /// <summary>The last word (a run of \w and apostrophes at the very end, as <c>[\w']+$</c> found it) is one that cannot end a sentence.</summary>
    private static bool IsJoiningWord(ReadOnlySpan<char> text)
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

        return JoiningLookup.Contains(text[start..]);
    }

    private static bool IsWordOrApostrophe(char c) => WordOrApostrophe().IsMatch(new ReadOnlySpan<char>(in c));

    [GeneratedRegex(@"^[\w']$")]
    private static partial Regex WordOrApostrophe();


}
