namespace Watchbot.Core.Subscriptions;

/// <summary>
/// A chat's (or, with <see cref="UserId"/>, one person's) interest in a topic, with its filters,
/// digest schedule and the cursor of its last digest.
/// </summary>
public sealed record Subscription
{
    public long Id { get; init; }
    public required ChatAddress Chat { get; init; }

    /// <summary>Null for a chat-wide subscription; the person's id for a personal one.</summary>
    public string? UserId { get; init; }

    public required string Topic { get; init; }
    public SubscriptionFilter Filter { get; init; } = SubscriptionFilter.None;
    public DigestSchedule Digest { get; init; } = DigestSchedule.Default;

    /// <summary>Whether the digest carries the chart of the topic's tallies (/digest &lt;topic&gt; chart off).</summary>
    public bool DigestChart { get; init; } = true;
    public bool AlertsEnabled { get; init; }
    public int AlertMinSeverity { get; init; } = 4;
    public bool Active { get; init; } = true;

    /// <summary>Every event with a greater seq is new to this subscription's next digest.</summary>
    public long DigestCursor { get; init; }

    public DateTimeOffset? LastDigestAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
