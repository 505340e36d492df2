using Watchbot.Core.Events;

namespace Watchbot.Core.Storage;

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

    /// <summary>The published events running tallies (a cumulative toll's rise) are read from: the newest
    /// <paramref name="limit"/> of the topic, so a long war keeps its recent figures (the oldest were read before).</summary>
    public static EventQuery TallyHistory(string? topic, int limit = TallyHistoryLimit) =>
        new() { Topic = topic, Status = EventStatus.Published, Limit = limit, Ascending = false };
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

    /// <summary>The greatest seq of an event last changed before <paramref name="time"/> (0 if none).</summary>
    Task<long> LastSeqBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken);

    /// <summary><see cref="LastSeqBeforeAsync"/> for many times at once (one read instead of one a time).</summary>
    Task<IReadOnlyDictionary<DateTimeOffset, long>> LastSeqsBeforeAsync(IReadOnlyCollection<DateTimeOffset> times, CancellationToken cancellationToken);

    Task<int> CountAsync(EventStatus status, CancellationToken cancellationToken);
}
