using Watchbot.Core.Events;

namespace Watchbot.Core.Stores;

/// <summary>Which events to read. <see cref="AfterSeq"/> is a reader's cursor: only events with a greater seq.</summary>
public sealed record EventQuery
{
    public string? Topic { get; init; }
    public long AfterSeq { get; init; }
    public EventStatus? Status { get; init; } = EventStatus.Published;
    public DateTimeOffset? ChangedSince { get; init; }

    /// <summary>Only events whose date (or date range) touches [DateFrom, DateTo]; either end may be open.</summary>
    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }
    public int Limit { get; init; } = 1000;

    /// <summary>Oldest seq first when true (cursors); newest first when false (/latest).</summary>
    public bool Ascending { get; init; } = true;

    /// <summary>How many of a topic's events running tallies are read from.</summary>
    public const int TallyHistoryLimit = 5000;

    /// <summary>Only published events that carry a running tally (a casualty figure marked cumulative; <see cref="Status"/>
    /// is then not asked): what a
    /// <see cref="TallyBook"/> is made of. The store reads them through an index of their own, so a long war
    /// of other events costs nothing here.</summary>
    public bool TalliesOnly { get; init; }

    /// <summary>With <see cref="TalliesOnly"/>: only events carrying a running tally of one of these (side, population,
    /// outcome and claimant, as <see cref="TallyKey"/> compares them). The store may return a few more, never
    /// fewer: a <see cref="TallyBook"/> looks each figure up by its key anyway.</summary>
    public IReadOnlyList<TallyKey>? TallyKeys { get; init; }

    /// <summary>Read each event's sources too (false when only the figures are wanted).</summary>
    public bool WithSources { get; init; } = true;

    /// <summary>The published events running tallies (a cumulative toll's rise) are read from: the newest
    /// <paramref name="limit"/> of the topic that carry a tally, without their sources, so a long war keeps its recent
    /// figures (the oldest were read before). With <paramref name="from"/>, only those dated (or ending) on or after it:
    /// a figure is compared only with the <see cref="TallyBook.PeriodDays"/> before it, so a reader of events
    /// dated from D needs no tally before D minus that.</summary>
    public static EventQuery TallyHistory(string? topic, int limit = TallyHistoryLimit, DateOnly? from = null) =>
        new()
        {
            Topic = topic, Status = EventStatus.Published, Limit = limit, Ascending = false, TalliesOnly = true, WithSources = false,
            DateFrom = from,
        };

    /// <summary>
    /// The earlier figures a reader of <paramref name="shown"/> compares its running tallies with, and nothing else: the
    /// tallies of the same keys (<see cref="TallyKey"/>) dated in the <see cref="TallyBook.PeriodDays"/>
    /// before a shown tally and before the latest of them. What <see cref="TallyBook.Previous"/> can return for
    /// a shown figure is the same as from <see cref="TallyHistory(string?, IEnumerable{WatchEvent})"/>; a busy war's
    /// other tallies (another side's, another claimant's) are not read. Null when nothing shown carries a tally.
    /// </summary>
    public static EventQuery? PreviousFigures(string? topic, IEnumerable<WatchEvent> shown)
    {
        var tallied = shown.Where(e => e.Casualties.Any(c => c.Cumulative)).ToList();
        if (tallied.Count == 0)
        {
            return null;
        }

        var dates = tallied.Select(e => e.DateEnd ?? e.Date).ToList();
        return TallyHistory(topic, from: dates.Min().AddDays(-TallyBook.PeriodDays)) with
        {
            // A figure is compared only with earlier days: an event that starts on or after the latest shown tally's day
            // holds none of them.
            DateTo = dates.Max().AddDays(-1),
            TallyKeys = tallied.SelectMany(e => e.Casualties).Where(c => c.Cumulative).Select(TallyKey.Of).Distinct().ToList(),
        };
    }

    /// <summary>The tally history a reader of <paramref name="shown"/> needs: figures from the period before the earliest.</summary>
    public static EventQuery TallyHistory(string? topic, IEnumerable<WatchEvent> shown) =>
        TallyHistory(topic, from: shown.Select(e => (DateOnly?)e.Date).Min()?.AddDays(-TallyBook.PeriodDays));
}

/// <summary>
/// The curated event store. Every add or revision gives the event a new seq greater than every seq before it,
/// so a reader that remembers the last seq it saw never misses a change.
/// </summary>
public interface IEventStore
{
    Task<WatchEvent> AddAsync(EventDraft draft, CancellationToken cancellationToken);

    Task<WatchEvent?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the stored event in one transaction and gives it a new seq.
    /// Returns null when there is no such event. Id, Seq, CreatedAt and ChangedAt are the store's, whatever the change says.</summary>
    Task<WatchEvent?> ReviseAsync(long id, Func<WatchEvent, WatchEvent> change, CancellationToken cancellationToken);

    Task<IReadOnlyList<WatchEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>The greatest seq given so far (0 for an empty store).</summary>
    Task<long> LastSeqAsync(CancellationToken cancellationToken);

    /// <summary>For each time, the greatest seq of an event last changed before it (0 if none), in one read.</summary>
    Task<IReadOnlyDictionary<DateTimeOffset, long>> LastSeqsBeforeAsync(IReadOnlyCollection<DateTimeOffset> times, CancellationToken cancellationToken);

    Task<int> CountAsync(EventStatus status, CancellationToken cancellationToken);
}
