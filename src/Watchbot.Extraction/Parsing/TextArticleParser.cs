using System.Text;
using System.Text.RegularExpressions;
using Watchbot.Core.Stores;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Parsing;

/// <summary>
/// Plain text and Markdown articles: finds the real title (a Markdown heading, else the first title-like line; a
/// republisher's header above it is dropped), the author line, the date (a date line near the top, a dateline, or a
/// date alone at the end, which wins because republished copies put the original date there) and the body.
/// </summary>
public static partial class TextArticleParser
{
    private const int HeaderLines = 20;

    public static ParseOutcome Parse(string content, string origin, string? url, DateOnly readDate)
    {
        var text = TextNormalizer.NormalizeCharacters(content);
        var lines = new Lines(text);
        var nonEmpty = Enumerable.Range(0, lines.Count).Where(i => !lines.IsBlank(i)).ToList();
        if (nonEmpty.Count == 0)
        {
            return ParseOutcome.Fail("the file has no text");
        }

        var header = nonEmpty.Take(HeaderLines).Where(i => !lines.IsLongProse(i)).ToList();

        // The header lines are read cleaned several times over (title, author, date): cleaned once each.
        var cleaned = new string?[lines.Count];
        string CleanLine(int line) => cleaned[line] ??= Clean(lines[line]);
        var titleLine = FindTitle(lines, nonEmpty, header, CleanLine);
        var consumed = new HashSet<int>();
        string title;
        if (titleLine >= 0)
        {
            title = CleanLine(titleLine);
            consumed.Add(titleLine);
        }
        else
        {
            title = "";
        }

        // Author and date lines: just below the title (or above it, for a republisher's byline).
        string? author = null;
        DateOnly? headerDate = null;
        var headerDateLine = -1;
        var near = header.Where(i => Math.Abs(i - Math.Max(titleLine, 0)) <= 8).ToList();
        foreach (var i in near)
        {
            if (consumed.Contains(i) || lines.IsLongProse(i))
            {
                continue;
            }

            var clean = CleanLine(i);
            var date = PublicationDate.FromDateLine(clean, readDate);
            if (date is not null && headerDate is null)
            {
                headerDate = date;
                headerDateLine = i;
                consumed.Add(i);
                var rest = DateText().Replace(clean, "").Trim(' ', ',', '|', '-');
                if (author is null && LooksLikeName(StripBy(rest)))
                {
                    author = StripBy(rest);
                }

                continue;
            }

            if (author is null && LooksLikeName(StripBy(clean)) && (i > titleLine || clean.StartsWith("By ", StringComparison.Ordinal)))
            {
                author = StripBy(clean);
                consumed.Add(i);
            }
        }

        // Title, outlet, date: a short line between the title and the date line names who published the article
        // ("AZERTAC", "Daily News Egypt"), whose own count a figure is when the text names no other source.
        if (author is null && titleLine >= 0 && headerDateLine == titleLine + 2 && !consumed.Contains(titleLine + 1) && !lines.IsBlank(titleLine + 1)
            && CleanLine(titleLine + 1) is { Length: > 1 and <= 100 } outlet && !outlet.EndsWith('.'))
        {
            author = outlet;
            consumed.Add(titleLine + 1);
        }

        // A date alone on the last line: the original publication date of a republished copy.
        DateOnly? endDate = null;
        var lastLine = nonEmpty[^1];
        if (!consumed.Contains(lastLine) && lastLine != titleLine)
        {
            endDate = PublicationDate.FromDateLine(CleanLine(lastLine), readDate);
            if (endDate is not null)
            {
                consumed.Add(lastLine);
            }
        }

        // The body goes into one buffer line by line (a plain line as it is, a Markdown one stripped, a header line
        // taken as title, author or date left empty), and is cut into paragraphs from there: splitting the whole text
        // into line strings and joining them again copied every article twice more.
        var bodyStart = titleLine >= 0 ? titleLine + 1 : 0;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        IReadOnlyList<string> paragraphs;
        try
        {
            var length = 0;
            for (var i = bodyStart; i < lines.Count; i++)
            {
                if (i > bodyStart)
                {
                    buffer[length++] = '\n';
                }

                if (consumed.Contains(i))
                {
                    continue;
                }

                var line = lines.Span(i);
                var stripped = MarkdownText.IsPlain(line) ? line.TrimEnd() : MarkdownText.StripLine(lines[i]).AsSpan();
                stripped.CopyTo(buffer.AsSpan(length));
                length += stripped.Length;
            }

            paragraphs = TextNormalizer.Paragraphs(buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }

        if (paragraphs.Count == 0)
        {
            return ParseOutcome.Fail("the file has a title but no body text");
        }

        if (title.Length == 0)
        {
            title = paragraphs[0].Length > 120 ? paragraphs[0][..120].TrimEnd() + "..." : paragraphs[0];
        }

        // A dateline without a year dates the article in the year it is read: kept, but not counted as a date of its own,
        // so what is read from it waits for review.
        var dateline = PublicationDate.ReadDateline(paragraphs[0], readDate);
        var published = endDate ?? headerDate ?? dateline?.Date;
        var dated = endDate is not null || headerDate is not null || dateline is { HasYear: true };
        var body = string.Join("\n\n", paragraphs);
        var article = new ArticleDraft(origin, url, title, author, published ?? readDate, dated, body, ContentHash.Of(body));
        return new ParseOutcome(article, null) { Paragraphs = paragraphs };
    }

    private static int FindTitle(Lines lines, List<int> nonEmpty, List<int> header, Func<int, string> clean)
    {
        // A Markdown heading in Latin script wins: the kicker or republisher lines above it are not the title.
        foreach (var i in header)
        {
            if (MarkdownText.IsHeading(lines[i]) && IsTitleLike(clean(i)))
            {
                return i;
            }
        }

        // A short first line standing alone above a blank line is the title.
        if (header.Count > 0 && header[0] == nonEmpty[0] && nonEmpty.Count > 1)
        {
            var first = clean(nonEmpty[0]);
            var blankAfter = nonEmpty[0] + 1 < lines.Count && lines.IsBlank(nonEmpty[0] + 1);
            var latin = first.Count(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
            if (blankAfter && first.Length is >= 3 and <= 150 && !first.EndsWith('.') && latin >= first.Count(char.IsLetter) * 0.8
                && PublicationDate.FromDateLine(first, DateOnly.MaxValue.AddYears(-1)) is null && !first.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return nonEmpty[0];
            }
        }

        foreach (var i in header)
        {
            var line = clean(i);
            if (IsTitleLike(line) && PublicationDate.FromDateLine(line, DateOnly.MaxValue.AddYears(-1)) is null && !LooksLikeName(StripBy(line)))
            {
                return i;
            }
        }

        return nonEmpty.Count > 1 && !lines.IsLongProse(nonEmpty[0]) ? nonEmpty[0] : -1;
    }

    internal static bool IsTitleLike(string line)
    {
        if (line.Length is < 8 or > 220 || line.StartsWith("http", StringComparison.OrdinalIgnoreCase) || line.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var letters = line.Count(char.IsLetter);
        var latin = line.Count(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' || c is >= '\u00C0' and <= '\u024F');
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return letters >= 6 && latin >= letters * 0.8 && words >= 3 && !line.EndsWith(':');
    }

    /// <summary>
    /// The text's lines (cut at '\n') as positions in it: a line becomes a string only when asked for as one (the
    /// header lines, a Markdown line to strip), and is kept as such.
    /// </summary>
    private sealed class Lines
    {
        private readonly string _text;
        private readonly List<(int Start, int Length)> _ranges = [];
        private readonly Dictionary<int, string> _strings = [];

        public Lines(string text)
        {
            _text = text;
            var start = 0;
            for (var end = text.IndexOf('\n'); end >= 0; end = text.IndexOf('\n', start))
            {
                _ranges.Add((start, end - start));
                start = end + 1;
            }

            _ranges.Add((start, text.Length - start));
        }

        public int Count => _ranges.Count;

        public string this[int line] =>
            _strings.TryGetValue(line, out var known) ? known : _strings[line] = Span(line).ToString();

        public ReadOnlySpan<char> Span(int line) => _text.AsSpan(_ranges[line].Start, _ranges[line].Length);

        public bool IsBlank(int line) => Span(line).IsWhiteSpace();

        /// <summary>A line too long for a title, byline or date line.</summary>
        public bool IsLongProse(int line) => _ranges[line].Length > 240;
    }

    internal static bool LooksLikeName(string line)
    {
        if (line.Length is < 4 or > 60)
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0]) || w is "de" or "van" or "von" or "al" or "and" || w == "&")
            && !line.Any(c => c is '.' or ':' or '!' or '?' or '"') && !words.Any(w => w.Length > 1 && w.All(char.IsUpper) && w.Length > 3);
    }

    private static string StripBy(string line) => ByPrefix().Replace(line, "").Trim();

    private static string Clean(string line) => CollapseSpaces(MarkdownText.StripLine(line));

    /// <summary>Each run of white space made one space, none at either end (what <c>\s+</c> replaced by " " and a trim gave).</summary>
    internal static string CollapseSpaces(string line)
    {
        var text = line.AsSpan().Trim();
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && !char.IsWhiteSpace(text[i + 1]));
        }

        if (clean)
        {
            return text.Length == line.Length ? line : text.ToString();
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (!char.IsWhiteSpace(text[i - 1]))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:by|written by|author:)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}")]
    private static partial Regex DateText();
}
