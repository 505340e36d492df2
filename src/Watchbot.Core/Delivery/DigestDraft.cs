namespace Watchbot.Core.Delivery;

/// <summary>One subscription's digest, ready to queue: move its digest cursor from <paramref name="ExpectedCursor"/> to
/// <paramref name="NewCursor"/> and queue <paramref name="Message"/> (none when there was nothing to send).</summary>
/// <param name="NextDigestAt">When the subscription's next digest falls due after this one (stored so the next runs find
/// it through an index); null when not known, and the subscription is then asked at every run until its next digest.</param>
public sealed record DigestDraft(long SubscriptionId, long ExpectedCursor, long NewCursor, OutboxDraft? Message, DateTimeOffset? NextDigestAt = null);
