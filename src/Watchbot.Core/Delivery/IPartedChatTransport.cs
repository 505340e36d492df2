using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Delivery;

/// <summary>A queued message as a transport that sends it in parts sees it: its outbox id (for an idempotency key
/// the platform can deduplicate on) and how many of its parts were delivered by earlier attempts.</summary>
public sealed record OutboxDelivery(long MessageId, ChatAddress Chat, OutgoingMessage Message, int PartsSent);

/// <summary>
/// A transport that splits a message into parts and can resume it: it starts at part <see cref="OutboxDelivery.PartsSent"/>
/// and reports each part delivered through <paramref name="partsSent"/> before it sends the next, so a retry after a
/// failure (or a crash) never posts a delivered part again.
/// </summary>
public interface IPartedChatTransport : IChatTransport
{
    Task<DeliveryResult> SendAsync(OutboxDelivery delivery, Func<int, CancellationToken, Task> partsSent, CancellationToken cancellationToken);
}
