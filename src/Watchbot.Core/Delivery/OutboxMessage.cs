using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Delivery;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>A message to be queued. <paramref name="NotBefore"/> holds it (quiet hours, snooze).
/// A held draft (<paramref name="Held"/>) joins the chat's pending catch-up message instead of queuing one of its own.
/// An <paramref name="Asked"/> one answers a person who is waiting (/digest now, the recap after /subscribe): the delivery
/// worker takes it ahead of bulk fan-out, so a command is answered within seconds during a morning's digests.</summary>
public sealed record OutboxDraft(
    ChatAddress Chat,
    OutgoingMessage Message,
    long? SubscriptionId = null,
    DateTimeOffset? NotBefore = null,
    bool Held = false,
    bool Asked = false);

/// <summary>A queued message as stored: the delivery worker sends it and records the outcome.</summary>
public sealed record OutboxMessage
{
    public required long Id { get; init; }
    public required ChatAddress Chat { get; init; }
    public required OutgoingMessage Message { get; init; }
    public long? SubscriptionId { get; init; }
    public OutboxStatus Status { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public string? PlatformMessageId { get; init; }
    public string? LastError { get; init; }
    public bool Held { get; init; }

    /// <summary>Parts of a split message already delivered (a parted transport resumes after them).</summary>
    public int PartsSent { get; init; }
}
