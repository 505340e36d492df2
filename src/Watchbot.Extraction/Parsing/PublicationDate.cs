using System.Text.RegularExpressions;

namespace Watchbot.Extraction.Parsing;

/// <summary>Recognises the lines that carry an article's date: a date line, a dateline ("BAKU, October 11. /TASS/.").</summary>
public static partial class PublicationDate
{
    /// <summary>A short line that is a date and little else ("7 October 2020", "02.10.2020", "Published: 2020-10-19").</summary>
    public static DateOnly? FromDateLine(string line, DateOnly reference)
    {
        var trimmed = line.Trim();
        if (trimmed.Length is 0 or > 60)
        {
            return null;
        }

        var date = Text.DateResolver.ParseAbsolute(trimmed, reference);
        if (date is null)
        {
            return null;
        }

        // Most of the line must be the date (allow "Published:", "Updated", a weekday, a time).
        var words = WordRegex().Matches(trimmed).Count;
        return words <= 9 ? date : null;
    }

    /// <summary>A news-agency dateline at the start of the body: "BAKU, October 11. /TASS/." or "YEREVAN, Oct 2 (Reuters) -".</summary>
    public static DateOnly? FromDateline(string paragraph, DateOnly reference) => ReadDateline(paragraph, reference)?.Date;

    /// <summary>
    /// The dateline's date, and whether it gives its year. A dateline without one ("BAKU, October 11.") is read in the
    /// year of <paramref name="reference"/>, which is a guess: the article is not dated by it.
    /// </summary>
    public static (DateOnly Date, bool HasYear)? ReadDateline(string paragraph, DateOnly reference)
    {
        var m = Dateline().Match(paragraph);
        if (!m.Success || Text.DateResolver.ParseAbsolute(m.Groups["date"].Value, reference) is not { } date)
        {
            return null;
        }

        return (date, YearIn().IsMatch(m.Groups["date"].Value));
    }

    /// <summary>Where a news-agency dateline at the start of <paramref name="text"/> ends its date ("ADEN, March 3"), or 0
    /// when the text opens with none: the dateline dates the report, not what the sentence after it tells.</summary>
    public static int DatelineEnd(string text)
    {
        var m = Dateline().Match(text);
        return m.Success ? m.Groups["date"].Index + m.Groups["date"].Length : 0;
    }

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^\s*[A-Z][A-Z .'/\-]{1,40},\s+(?<date>(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?))\b")]
    private static partial Regex Dateline();
}
