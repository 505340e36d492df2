namespace Watchbot.Core.Delivery;

/// <summary>One subscription's digest, ready to queue: move its digest cursor from <paramref name="ExpectedCursor"/> to
/// <paramref name="NewCursor"/> and queue <paramref name="Message"/> (none when there was nothing to send).</summary>
public sealed record DigestDraft(long SubscriptionId, long ExpectedCursor, long NewCursor, OutboxDraft? Message);
