using Watchbot.Core.Events;

using Watchbot.Core.Digests;
namespace Watchbot.Core.Events;

/// <summary>
/// The history of cumulative casualty figures, so a digest can say how a tally moved:
/// "104 military deaths, +45 since 28 Sep, per Artsakh officials".
/// </summary>
public sealed class TallyBook
{
    private readonly Dictionary<TallyKey, List<TallyPoint>> points = [];
    private readonly Dictionary<TallyKey, CasualtyClaim> firstClaims = [];

    public TallyBook(IEnumerable<WatchEvent> events)
    {
        foreach (var e in events.Where(e => e.Status == EventStatus.Published))
        {
            foreach (var claim in e.Casualties.Where(c => c.Cumulative))
            {
                var key = TallyKey.Of(claim);
                if (!points.TryGetValue(key, out var list))
                {
                    points[key] = list = [];
                    firstClaims[key] = claim;
                }

                list.Add(new TallyPoint(e.DateEnd ?? e.Date, claim.Count, e.Id));
            }
        }

        foreach (var list in points.Values)
        {
            list.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Count.CompareTo(b.Count));
        }
    }

    /// <summary>How far back a figure still belongs to the same round of fighting: a tally quoted months earlier counts
    /// another round, and a change "since" it would add two wars' dead together.</summary>
    public static readonly int PeriodDays = 60;

    /// <summary>The latest earlier figure of the same tally (same side, population, outcome and claimant) from another
    /// event within <see cref="PeriodDays"/> days, if any. A lower figure that follows a higher one starts a new count,
    /// so figures above this one are not compared with it either.</summary>
    public TallyPoint? Previous(CasualtyClaim claim, DateOnly date, long eventId)
    {
        if (!points.TryGetValue(TallyKey.Of(claim), out var list))
        {
            return null;
        }

        TallyPoint? best = null;
        foreach (var point in list)
        {
            if (point.EventId != eventId && point.Date < date && point.Date >= date.AddDays(-PeriodDays) && point.Count <= claim.Count)
            {
                best = point;
            }
        }

        return best;
    }

    /// <summary>Every tally in the book: its key, the first claim read of it (its names as written) and its figures, oldest
    /// first. The web page's chart and the digest's chart draw these (<see cref="TallySeries"/>).</summary>
    public IEnumerable<(TallyKey Key, CasualtyClaim Claim, IReadOnlyList<TallyPoint> Points)> Tallies =>
        points.Select(kv => (kv.Key, firstClaims[kv.Key], (IReadOnlyList<TallyPoint>)kv.Value));

    /// <summary>Every figure of the tally this claim belongs to, oldest first.</summary>
    public IReadOnlyList<TallyPoint> History(CasualtyClaim claim) =>
        points.TryGetValue(TallyKey.Of(claim), out var list) ? list : [];
}
