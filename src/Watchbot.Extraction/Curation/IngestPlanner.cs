using Watchbot.Core.Events;
using Watchbot.Core.Stores;

namespace Watchbot.Extraction.Curation;

/// <summary>What storing one article will do: the events that are new, and the stored events it adds to.</summary>
public sealed record IngestPlan(IReadOnlyList<EventDraft> NewEvents, IReadOnlyList<EventMerge> Merges);

/// <summary>
/// Decides, without I/O, how an article's extracted events meet the store: an event about the same thing as a stored one
/// (same kind, dates within a day, same figure, stance or place; see <see cref="Curator.SameThing"/>) becomes another
/// source of the stored event, which keeps its summary and date; the rest are new. A rejected event stays rejected
/// however often it is reported again.
/// </summary>
public static class IngestPlanner
{
    /// <summary>Stored events whose date lies in this window around the article's events can be merge targets.</summary>
    public static (DateOnly From, DateOnly To)? CandidateWindow(IReadOnlyList<EventDraft> extracted) =>
        extracted.Count == 0
            ? null
            : (extracted.Min(e => e.Date).AddDays(-1), extracted.Max(e => e.DateEnd ?? e.Date).AddDays(1));

    public static IngestPlan Plan(IReadOnlyList<EventDraft> extracted, IReadOnlyList<WatchEvent> stored, IReadOnlySet<string>? regions = null)
    {
        var targets = new Dictionary<long, (WatchEvent Original, EventDraft Merged)>();
        var fresh = new List<EventDraft>();
        foreach (var draft in extracted)
        {
            var match = stored.FirstOrDefault(s => Curator.SameThing(targets.TryGetValue(s.Id, out var t) ? t.Merged : ToDraft(s), draft, regions));
            if (match is null)
            {
                fresh.Add(draft);
                continue;
            }

            var current = targets.TryGetValue(match.Id, out var seen) ? seen.Merged : ToDraft(match);
            // The stored event keeps its own words and date (a curator may have edited them); the article adds to it.
            var combined = Curator.Combine(current, draft) with
            {
                Summary = current.Summary,
                Date = current.Date,
                DateEnd = current.DateEnd,
                DatePrecision = current.DatePrecision,
                Stance = current.Stance,
                ClaimedBy = current.ClaimedBy,
            };
            targets[match.Id] = (match, match.Status.IsWithdrawn() ? combined with { Status = match.Status } : combined);
        }

        var merges = targets.Values
            .Select(t => new EventMerge(t.Original.Id, t.Original.Seq, t.Merged, Visible(ToDraft(t.Original), t.Merged)))
            .OrderBy(m => m.EventId)
            .ToList();
        return new IngestPlan(fresh, merges);
    }

    /// <summary>True when a subscriber would see the difference; another source or a higher confidence alone is not news.</summary>
    public static bool Visible(EventDraft before, EventDraft after) =>
        before.Status != after.Status
        || before.Summary != after.Summary
        || before.Severity != after.Severity
        || before.Date != after.Date
        || before.DateEnd != after.DateEnd
        || before.Stance != after.Stance
        || before.ClaimedBy != after.ClaimedBy
        || !SameSet(before.Places, after.Places)
        || !SameSet(before.Actors, after.Actors)
        || !SameSet(before.Topics, after.Topics)
        || !before.Casualties.ToHashSet().SetEquals(after.Casualties);

    public static EventDraft ToDraft(WatchEvent e) => new()
    {
        Kind = e.Kind,
        Date = e.Date,
        DateEnd = e.DateEnd,
        DatePrecision = e.DatePrecision,
        Summary = e.Summary,
        Topics = e.Topics,
        Places = e.Places,
        Actors = e.Actors,
        Severity = e.Severity,
        Confidence = e.Confidence,
        Stance = e.Stance,
        ClaimedBy = e.ClaimedBy,
        Casualties = e.Casualties,
        Sources = e.Sources,
        Status = e.Status,
    };

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(b);
}
