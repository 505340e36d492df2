namespace Watchbot.Core.Events;

/// <summary>An event before the store has given it an id and a sequence number.</summary>
public sealed record EventDraft
{
    public required EventKind Kind { get; init; }
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
    public EventStatus Status { get; init; } = EventStatus.Published;
}
