using Watchbot.Core.Events;

namespace Watchbot.Extraction.Curation;

/// <summary>A running tally: the latest figure for one (side, population, outcome, claimant) and the one before it.</summary>
public sealed record TallyLine(
    string Side,
    Population Population,
    CasualtyOutcome Outcome,
    string ClaimedBy,
    int Count,
    DateOnly Date,
    int? PreviousCount,
    DateOnly? PreviousDate)
{
    /// <summary>"104 Artsakh military killed (59 on 28 Sep), per Armenia".</summary>
    public string Format()
    {
        var was = PreviousCount is null ? "" : $" ({PreviousCount:N0} on {PreviousDate:d MMM})";
        var per = ClaimedBy == "unknown" ? "" : $", per {ClaimedBy}";
        return $"{Count:N0} {(Side == "unknown" ? "" : Side + " ")}{Population.Name()} {Outcome.Name()}{was}{per}";
    }
}

public static class CasualtyTally
{
    /// <summary>Cumulative claims grouped per (side, population, outcome, claimant); latest by date, then by size.</summary>
    public static IReadOnlyList<TallyLine> Build(IEnumerable<EventDraft> events)
    {
        var claims = events
            .SelectMany(e => e.Casualties.Where(c => c.Cumulative).Select(c => (Claim: c, e.Date)))
            .GroupBy(x => (x.Claim.Side, x.Claim.Population, x.Claim.Outcome, x.Claim.ClaimedBy));
        var lines = new List<TallyLine>();
        foreach (var group in claims)
        {
            var ordered = group.OrderBy(x => x.Date).ThenBy(x => x.Claim.Count).ToList();
            var latest = ordered[^1];
            var previous = ordered.Take(ordered.Count - 1).LastOrDefault(x => x.Claim.Count != latest.Claim.Count);
            lines.Add(new TallyLine(group.Key.Side, group.Key.Population, group.Key.Outcome, group.Key.ClaimedBy, latest.Claim.Count, latest.Date,
                previous.Claim?.Count, previous.Claim is null ? null : previous.Date));
        }

        return lines.OrderBy(l => l.Side).ThenBy(l => l.Outcome).ToList();
    }
}
