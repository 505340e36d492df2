using System.Text.RegularExpressions;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Frames;

/// <summary>Why a number or a sentence is never news. Null means it may be.</summary>
public static partial class NeverNewsGuard
{
    /// <summary>Background history: a past year (not "the bloodiest since 1994"), or words such as "that war", "genocide".</summary>
    public static bool IsHistory(string text, DateOnly published, ExtractionConfig config)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return config.NeverNews["history"].IsMatch(text);
        }

        // Years after "since" ("the bloodiest since the 1988-1994 war ... in 1991") compare, they do not date.
        var since = SinceYear().Match(text);
        var limit = since.Success ? since.Index : text.Length;
        foreach (Match y in Year().Matches(text))
        {
            if (y.Index >= limit)
            {
                break;
            }

            var year = int.Parse(y.Groups["last"].Success ? y.Groups["last"].Value : y.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (year < published.Year - 1 && !SinceBefore().IsMatch(text[Math.Max(0, y.Index - 72)..y.Index]) && !Describes(text, y))
            {
                return true;
            }
        }

        if (Decade().IsMatch(text))
        {
            return true;
        }

        return config.NeverNews["history"].IsMatch(text);
    }

    /// <summary>Another topic (COVID-19 cases and deaths, disasters): no casualty figure in this sentence is war news.</summary>
    public static string? OtherTopic(string text, ExtractionConfig config) =>
        config.NeverNews["otherTopics"].Match(text) is { Success: true } m ? $"other topic ({m.Value})" : null;

    /// <summary>Why the number at token range [first, last] is not a count of people hit, or null when it may be.</summary>
    public static string? NumberReason(SentenceContext s, NumberMention n)
    {
        var tokens = s.Tokens;
        if (n.FirstToken > 0)
        {
            var before = tokens[n.FirstToken - 1].Text;
            if (before is "$" or "€" or "£" or "US$" || before.EndsWith('$'))
            {
                return "money";
            }

            if (before.Equals("aged", StringComparison.OrdinalIgnoreCase) || before.Equals("age", StringComparison.OrdinalIgnoreCase))
            {
                return "age";
            }

            if (before is "No" or "no." or "#" or "Resolution" or "Article" or "Kavkaz")
            {
                return "label";
            }
        }

        foreach (var d in s.Dates)
        {
            if (n.Start < d.End && n.End > d.Start)
            {
                return "date";
            }
        }

        if (n.LastToken + 1 < tokens.Count)
        {
            var after = tokens[n.LastToken + 1];
            var unitLength = s.MatchAt(s.Config.NeverNews["units"], after.Start);
            if (unitLength > 0)
            {
                return "unit (" + s.Text.Substring(after.Start, unitLength) + ")";
            }

            if (after.Text is ":" or "." && n.LastToken + 2 < tokens.Count && char.IsDigit(tokens[n.LastToken + 2].Text[0]))
            {
                return "time";
            }

            var moneyWindow = string.Join(' ', tokens.Skip(n.LastToken + 1).Take(3).Select(t => t.Text));
            if (s.Config.NeverNews["moneyWords"].Match(moneyWindow) is { Success: true } money && money.Index < 25 && !money.Value.Equals("aid", StringComparison.OrdinalIgnoreCase))
            {
                return "money (" + money.Value + ")";
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9,.$])(?<y>1[89][0-9][0-9]|20[0-9][0-9])(?:-(?<last>1[89][0-9][0-9]|20[0-9][0-9]))?(?![0-9]|,\d|\s*(?:people|soldiers|troops|civilians|dead|killed))")]
    private static partial Regex Year();

    [GeneratedRegex(@"\bsince\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:1[89]|20)\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex SinceYear();

    /// <summary>"since 2020", "since the full-scale invasion in February 2022": the start of a running count, not history.</summary>
    [GeneratedRegex(@"(?i:\bsince\b)(?:[^.]{0,14}|[^.,;]{0,60})$")]
    private static partial Regex SinceBefore();

    /// <summary>
    /// "the accord signed in 2015", "the 2015 agreement", "the 2021 ceasefire understanding": a year that says when something was made, not when the sentence
    /// happens. It names the thing; the sentence may still be news.
    /// </summary>
    private static bool Describes(string text, Match year) =>
        DescribesAt(text, year.Index) || NamedAfter().IsMatch(text.AsSpan()[(year.Index + year.Length)..]);

    /// <summary>"who came to power in an October 2022 coup": the date at <paramref name="start"/> says when something was made.</summary>
    internal static bool DescribesAt(string text, int start) =>
        MadeBefore().IsMatch(text.AsSpan()[Math.Max(0, start - 30)..start]) || WarBegan().IsMatch(text.AsSpan()[Math.Max(0, start - 45)..start]);

    /// <summary>"The war, which began in April 2023, has killed ...", "renew the truce that expired in October 2022": a
    /// relative clause saying when the thing it describes started or ended.</summary>
    [GeneratedRegex(@"\b(?:which|that)\s+(?:began|started|erupted|broke\s+out|expired|ended|lapsed|collapsed)\s+(?:(?:in|on)\s+)?(?:(?:early|mid|late)[\s-]+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?$")]
    private static partial Regex WarBegan();

    [GeneratedRegex(@"\b(?:signed|agreed|concluded|reached|brokered|founded|created|established|formed|adopted|drafted|ratified|elected|came to power|took power|seized power)\s+(?:(?:in|on)\s+)?(?:the\s+|an?\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MadeBefore();

    [GeneratedRegex(@"^\s+(?:peace\s+|ceasefire\s+|cease-fire\s+|truce\s+|defen[cs]e\s+|cooperation\s+)?(?:agreement|accord|deal|treaty|pact|understanding|arrangement|ceasefire|cease-fire|truce|armistice|constitution|law|election|coup|resolution|plan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAfter();

    [GeneratedRegex(@"\b(?:in|during|of) the (?:early |late |mid-)?(?:19|20)\d0s\b")]
    private static partial Regex Decade();
}
