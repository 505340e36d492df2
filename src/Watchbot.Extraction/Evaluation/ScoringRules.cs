using System.Globalization;
using Watchbot.Core.Events;

namespace Watchbot.Extraction.Evaluation;

/// <summary>The matching rules of <c>score_extraction.py</c>, one function each (the Python name in each summary).</summary>
public static class ScoringRules
{
    private static readonly HashSet<string> KilledLike = new(StringComparer.Ordinal) { "killed", "casualties", "dead", "deaths" };

    private static readonly Dictionary<string, string> SameSide = new(StringComparer.Ordinal)
    {
        ["nagorno-karabakh"] = "artsakh",
        ["karabakh"] = "artsakh",
    };

    /// <summary>Gold sides that name no one belligerent: a figure's side is not checked against them.</summary>
    private static readonly string?[] NoSide = [null, "unknown", "both", "regional"];

    /// <summary><c>outcome_ok</c>: the same outcome, or both a kind of dead ("killed", "casualties", "dead", "deaths").</summary>
    public static bool OutcomeOk(string? gold, string? extracted)
    {
        var g = (gold ?? "").ToLowerInvariant();
        var x = (extracted ?? "").ToLowerInvariant();
        return g == x || (KilledLike.Contains(g) && KilledLike.Contains(x));
    }

    /// <summary><c>count_ok</c>: the same count (and no other upper bound), a range holding the gold count, or the gold's upper bound.</summary>
    public static bool CountOk(double goldCount, double? goldHigh, int count, int? high)
    {
        if (count == goldCount && (goldHigh is null || goldHigh == high || high is null))
        {
            return true;
        }

        if (high is { } h && count <= goldCount && goldCount <= h)
        {
            return true;
        }

        return goldHigh is { } gh && gh != 0 && count == gh;
    }

    /// <summary><c>date_ok</c>: null when the gold gives no date. A gold day wants that day (and no later end); a gold range
    /// "lo/hi" wants a start inside it and an end no later than hi.</summary>
    public static bool? DateOk(string? goldDate, DateOnly date, DateOnly? dateEnd)
    {
        if (string.IsNullOrEmpty(goldDate))
        {
            return null;
        }

        var slash = goldDate.IndexOf('/', StringComparison.Ordinal);
        var lo = ParseDay(slash < 0 ? goldDate : goldDate[..slash]);
        var hiText = slash < 0 ? "" : goldDate[(slash + 1)..];
        var hi = hiText.Length > 0 ? ParseDay(hiText) : lo;
        var end = dateEnd ?? date;
        if (lo == hi)
        {
            return date == lo && end == lo;
        }

        // The script would stop on a range it cannot read; here such a range simply does not match.
        return lo is { } from && hi is { } to && from <= date && date <= to && end <= to;
    }

    /// <summary><c>files_of</c>: the article file names (after the last '/') among an event's sources.</summary>
    public static IReadOnlySet<string> FilesOf(EventDraft e)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in e.Sources)
        {
            if (!string.IsNullOrEmpty(s.File))
            {
                files.Add(s.File[(s.File.LastIndexOf('/') + 1)..]);
            }
        }

        return files;
    }

    /// <summary><c>text_of</c>: summary and source sentences, white space collapsed, lower-cased; cues are looked for in it.</summary>
    public static string TextOf(EventDraft e) =>
        PyText.CollapseSpace(string.Join(" ", e.Sources.Select(s => s.Sentence ?? "").Prepend(e.Summary ?? ""))).ToLowerInvariant();

    /// <summary><c>norm</c>: a side or claimant trimmed and lower-cased, the names of Karabakh's authorities made one.</summary>
    public static string NormalizeSide(string? side)
    {
        var key = (side ?? "").Trim().ToLowerInvariant();
        return SameSide.GetValueOrDefault(key, key);
    }

    /// <summary>Whether a gold figure's side is checked: not when it is unknown, both or regional.</summary>
    public static bool SideChecked(string? goldSide) => !NoSide.Contains(goldSide);

    /// <summary>Whether a gold figure's claimant is checked: not when absent or a combined tally of several sources.</summary>
    public static bool ClaimantChecked(string? goldClaimant)
    {
        var g = (goldClaimant ?? "").ToLowerInvariant();
        return g.Length > 0 && !g.Contains("combined", StringComparison.Ordinal) && !g.Contains("tally", StringComparison.Ordinal);
    }

    /// <summary>The claimant scored for a figure: its own, else its event's.</summary>
    public static string? ClaimantOf(CasualtyClaim claim, EventDraft e) => string.IsNullOrEmpty(claim.ClaimedBy) ? e.ClaimedBy : claim.ClaimedBy;

    /// <summary>Right when the extracted claimant is named (not "unknown") and is part of the gold claimant, or the same after <see cref="NormalizeSide"/>.</summary>
    public static bool ClaimantRight(string? goldClaimant, string? extracted)
    {
        var g = (goldClaimant ?? "").ToLowerInvariant();
        var x = NormalizeSide(extracted);
        return x.Length > 0 && x != "unknown" && (g.Contains(x, StringComparison.Ordinal) || NormalizeSide(g) == x);
    }

    /// <summary>The gold population "unknown" accepts any; otherwise the extracted one must be the same.</summary>
    public static bool PopulationRight(string? goldPopulation, string extracted) =>
        string.Equals(string.IsNullOrEmpty(extracted) ? "unknown" : extracted, goldPopulation, StringComparison.Ordinal) || goldPopulation == "unknown";

    private static DateOnly? ParseDay(string text)
    {
        var head = text.Length > 10 ? text[..10] : text;
        return DateOnly.TryParseExact(head, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
