using Watchbot.Core.Events;

namespace Watchbot.Core.Digests;

/// <summary>One running tally: a side's people of one population and outcome, as one claimant counts them.</summary>
public sealed record TallySeries(TallyKey Key, string Label, IReadOnlyList<TallyPoint> Points)
{
    /// <summary>
    /// The running tallies of <paramref name="events"/> as <see cref="TallyBook"/> keeps them (one per <see cref="TallyKey"/>,
    /// from the published cumulative figures, each dated by its event's end, oldest first); the largest
    /// tally comes first. <paramref name="from"/> and <paramref name="to"/> bound the dates, both included. The web
    /// page's chart and the digest's chart are both drawn from this.
    /// </summary>
    public static IReadOnlyList<TallySeries> Of(IEnumerable<WatchEvent> events, DateOnly? from = null, DateOnly? to = null) =>
        new TallyBook(events.Where(e => (e.DateEnd ?? e.Date) is var date && (from is not { } f || date >= f) && (to is not { } t || date <= t)))
            .Tallies
            .Select(t => new TallySeries(t.Key, LabelOf(t.Claim), t.Points))
            .OrderByDescending(s => s.Points.Max(p => p.Count)).ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();

    /// <summary>"Armenia military killed, per Artsakh officials".</summary>
    public static string LabelOf(CasualtyClaim claim) => $"{claim.Side} {claim.Population.Name()} {claim.Outcome.Name()}, per {claim.ClaimedBy}";

    /// <summary>How the tally moved on <paramref name="day"/>: its highest figure that day less the last figure before it;
    /// null when the tally has no figure that day or none before it to compare with (the day opened it).</summary>
    public int? ChangeOn(DateOnly day)
    {
        var today = Points.Where(p => p.Date == day).Select(p => (int?)p.Count).Max();
        var before = Points.LastOrDefault(p => p.Date < day);
        return today is null || before is null ? null : today.Value - before.Count;
    }

    /// <summary>The tally's highest figure on <paramref name="day"/>, if it has one.</summary>
    public int? FigureOn(DateOnly day) => Points.Where(p => p.Date == day).Select(p => (int?)p.Count).Max();
}
