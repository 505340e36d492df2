using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Tests;

/// <summary>Small builders so each test states only what it is about.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Noon = new(2020, 10, 4, 12, 0, 0, TimeSpan.Zero);

    public static WatchEvent Event(
        long id = 1,
        EventKind kind = EventKind.Escalation,
        int severity = 3,
        string summary = "Shelling hit the outskirts of the town",
        string[]? topics = null,
        string[]? places = null,
        string[]? actors = null,
        EventStatus status = EventStatus.Published,
        DateOnly? date = null,
        CasualtyClaim[]? casualties = null,
        string? claimedBy = null) => new()
    {
        Id = id,
        Seq = id,
        Kind = kind,
        Status = status,
        Date = date ?? new DateOnly(2020, 10, 4),
        Summary = summary,
        Topics = topics ?? ["karabakh"],
        Places = places ?? [],
        Actors = actors ?? [],
        Severity = severity,
        Casualties = casualties ?? [],
        ClaimedBy = claimedBy,
        CreatedAt = Noon,
        ChangedAt = Noon,
    };

    public static Subscription Subscription(
        string topic = "karabakh",
        SubscriptionFilter? filter = null,
        DigestSchedule? digest = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? lastDigestAt = null) => new()
    {
        Id = 1,
        Chat = new ChatAddress("console", "local"),
        Topic = topic,
        Filter = filter ?? SubscriptionFilter.None,
        Digest = digest ?? DigestSchedule.Default,
        CreatedAt = createdAt ?? Noon,
        LastDigestAt = lastDigestAt,
    };
}
