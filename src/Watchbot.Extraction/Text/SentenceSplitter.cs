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
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                continue;
            }

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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

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

            Add(text, start, end, paragraph, index++, quotes, output);
            start = next;
            i = next - 1;
        }

        if (start < text.Length)
        {
            Add(text, start, text.Length, paragraph, index, quotes, output);
        }
    }

    private static bool IsAbbreviation(string text, int dot, char next)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
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

    private static void Add(string text, int start, int end, int paragraph, int index, List<(int Start, int End)> quotes, List<Sentence> output)
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
            return;
        }

        List<(int, int)>? ranges = null;
        foreach (var (qs, qe) in quotes)
        {
            if (qe <= s || qs >= e)
            {
                continue;
            }

            ranges ??= [];
            ranges.Add((Math.Max(qs, s) - s, Math.Min(qe, e) - s));
        }

        output.Add(new Sentence(text[s..e], paragraph, index, (IReadOnlyList<(int Start, int End)>?)ranges ?? []));
    }
}
