namespace Watchbot.Extraction.Text;

/// <summary>Splits paragraphs into sentences; abbreviations (U.S., a.m., Gen., Sept.) and initials do not end one.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen", "rep",
        "pres", "st", "mt", "ft", "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co", "jr", "sr", "dept", "est", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n", "e.g", "i.e", "d.c", "u.s.a", "al",
        "fig", "op", "ed", "vol", "pp", "rev", "hon", "gens", "lt.-gen", "maj.-gen",
    };

    private static readonly int MaxAbbreviation = Abbreviations.Max(a => a.Length);

    /// <summary>
    /// Longer "sentences" are not prose (a page of text with no full stop, a table flattened into one line): they are
    /// cut into pieces of at most this many characters, at a space where there is one, so that no rule sees an
    /// unbounded sentence.
    /// </summary>
    public const int MaxSentenceLength = 2000;

    public static IReadOnlyList<Sentence> Split(IReadOnlyList<string> paragraphs)
    {
        var result = new List<Sentence>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            SplitParagraph(paragraphs[p], p, result);
        }

        return result;
    }

    public static IReadOnlyList<Sentence> Split(string text) => Split(TextNormalizer.Paragraphs(TextNormalizer.NormalizeCharacters(text)));

    private static void SplitParagraph(string text, int paragraph, List<Sentence> output)
    {
        // Quote ranges over the whole paragraph.
        var quotes = new List<(int Start, int End)>();
        var open = -1;
        for (var i = text.IndexOf('"'); i >= 0; i = text.IndexOf('"', i + 1))
        {
            if (open < 0)
            {
                open = i;
            }
            else
            {
                quotes.Add((open, i + 1));
                open = -1;
            }
        }

        if (open >= 0)
        {
            quotes.Add((open, text.Length));
        }

        var start = 0;
        var index = 0;
        var firstQuote = 0;

        // From one '.', '!' or '?' to the next: the characters between cannot end a sentence.
        for (var i = NextEnd(text, 0); i >= 0; i = NextEnd(text, i + 1))
        {
            var c = text[i];
            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or ')' or ']')
            {
                end++;
            }

            if (end >= text.Length || text[end] != ' ')
            {
                continue;
            }

            var next = end;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            if (next >= text.Length)
            {
                break;
            }

            var n = text[next];
            if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\'' or '(' or '[' || !char.IsLetter(n) && !char.IsPunctuation(n)))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i, n))
            {
                continue;
            }

            index = Add(text, start, end, paragraph, index, quotes, ref firstQuote, output);
            start = next;
            i = next - 1;
        }

        if (start < text.Length)
        {
            Add(text, start, text.Length, paragraph, index, quotes, ref firstQuote, output);
        }
    }

    private static int NextEnd(string text, int from) =>
        from < text.Length && text.AsSpan(from).IndexOfAny('.', '!', '?') is var k && k >= 0 ? from + k : -1;

    private static bool IsAbbreviation(string text, int dot, char next)
    {
        // No abbreviation is longer than MaxAbbreviation: stop looking back there ("a.a.a.a..." for a megabyte
        // made every dot scan back to the start of the run).
        var wordStart = dot;
        while (wordStart > 0 && dot - wordStart <= MaxAbbreviation && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        if (dot - wordStart > MaxAbbreviation)
        {
            return false;
        }

        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        // Initials: "J. Smith", and dotted forms such as "U.S" (the sentence may still end: "in the U.S. The ...").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        if (!Abbreviations.Contains(word))
        {
            return false;
        }

        // "U.S." and "a.m." end a sentence when the next word is a typical sentence opener.
        if (word.Contains('.', StringComparison.Ordinal) && (next == '"' || IsOpener(text, dot)))
        {
            return false;
        }

        return true;
    }

    private static bool IsOpener(string text, int dot)
    {
        var rest = text.AsSpan(dot + 1).TrimStart();
        foreach (var opener in (ReadOnlySpan<string>)["The ", "He ", "She ", "It ", "They ", "We ", "In ", "On ", "A ", "But ", "This ", "That ", "There "])
        {
            if (rest.StartsWith(opener, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the sentence (in pieces when it is too long) and returns the index the next one gets.</summary>
    private static int Add(string text, int start, int end, int paragraph, int index, List<(int Start, int End)> quotes, ref int firstQuote, List<Sentence> output)
    {
        var s = start;
        var e = end;
        while (s < e && text[s] == ' ')
        {
            s++;
        }

        while (e > s && text[e - 1] == ' ')
        {
            e--;
        }

        if (e <= s)
        {
            // Old behaviour: an empty sentence still used up its index.
            return index + 1;
        }

        while (e - s > MaxSentenceLength)
        {
            var cut = text.LastIndexOf(' ', s + MaxSentenceLength, MaxSentenceLength / 2);
            cut = cut > s ? cut : s + MaxSentenceLength;
            if (char.IsLowSurrogate(text[cut]) && cut > s + 1)
            {
                cut--;
            }

            AddOne(text, s, cut, paragraph, index++, quotes, ref firstQuote, output);
            s = cut;
            while (s < e && text[s] == ' ')
            {
                s++;
            }
        }

        AddOne(text, s, e, paragraph, index, quotes, ref firstQuote, output);
        return index + 1;
    }

    private static void AddOne(string text, int s, int e, int paragraph, int index, List<(int Start, int End)> quotes, ref int firstQuote, List<Sentence> output)
    {
        // Sentences come in order and quote ranges are sorted and disjoint: skip those that ended before this sentence
        // once, instead of looking at every quote of the paragraph for every sentence.
        while (firstQuote < quotes.Count && quotes[firstQuote].End <= s)
        {
            firstQuote++;
        }

        List<(int, int)>? ranges = null;
        for (var q = firstQuote; q < quotes.Count && quotes[q].Start < e; q++)
        {
            var (qs, qe) = quotes[q];
            ranges ??= [];
            ranges.Add((Math.Max(qs, s) - s, Math.Min(qe, e) - s));
        }

        output.Add(new Sentence(text[s..e], paragraph, index, (IReadOnlyList<(int Start, int End)>?)ranges ?? []));
    }
}
