using Watchbot.Core.Events;

namespace Watchbot.Core.Subscriptions;

/// <summary>
/// What a subscription lets through. Empty lists mean "any"; <see cref="Include"/> words must appear
/// (any of them) and <see cref="Exclude"/> words must not.
/// </summary>
public sealed record SubscriptionFilter
{
    public static SubscriptionFilter None { get; } = new();

    public IReadOnlyList<EventKind> Kinds { get; init; } = [];
    public int MinSeverity { get; init; } = 1;
    public IReadOnlyList<string> Places { get; init; } = [];
    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public bool IsEmpty =>
        Kinds.Count == 0 && MinSeverity <= 1 && Places.Count == 0 && Actors.Count == 0
        && Include.Count == 0 && Exclude.Count == 0;
}
