namespace Watchbot.Core.Events;

/// <summary>
/// A curated event as stored. <see cref="Seq"/> changes on every publish or change and only grows,
/// so "what is new" for any reader is <c>seq &gt; cursor</c>.
/// </summary>
public sealed record WatchEvent
{
    public required long Id { get; init; }
    public required long Seq { get; init; }
    public required EventKind Kind { get; init; }
    public required EventStatus Status { get; init; }

    /// <summary>The event this one was folded into by /admin merge; set only when <see cref="Status"/> is Merged.</summary>
    public long? MergedInto { get; init; }

    public required DateOnly Date { get; init; }
    public DateOnly? DateEnd { get; init; }
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;
    public required string Summary { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Places { get; init; } = [];
    public IReadOnlyList<string> Actors { get; init; } = [];
    public int Severity { get; init; } = 3;
    public double Confidence { get; init; } = 1.0;
    public CeasefireStance? Stance { get; init; }
    public string? ClaimedBy { get; init; }
    public IReadOnlyList<CasualtyClaim> Casualties { get; init; } = [];
    public IReadOnlyList<EventSource> Sources { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
