using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Delivery;

/// <summary>
/// A chat platform as the delivery worker sees it. The transport renders the message for its platform,
/// splits it where needed, honours the platform's rate limits and maps every platform answer to a
/// <see cref="DeliveryResult"/>.
/// </summary>
public interface IChatTransport
{
    /// <summary>The platform's name, as in <see cref="ChatAddress.Platform"/>.</summary>
    string Platform { get; }

    Task<DeliveryResult> SendAsync(ChatAddress chat, OutgoingMessage message, CancellationToken cancellationToken);
}
