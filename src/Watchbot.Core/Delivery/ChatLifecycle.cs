using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Delivery;

/// <summary>
/// What becomes of a chat the bot can no longer write to (blocked, kicked, not found) or that has a new id (a
/// Telegram group that became a supergroup), whichever path found out: a delivery, a command's answer, a button's
/// answer, or the platform's own notice. A paused chat keeps its subscriptions, inactive, so that it can resume them
/// with one tap when it writes to the bot again (see <see cref="PausedChatNotice"/>).
/// </summary>
public sealed class ChatLifecycle(ISubscriptionStore subscriptions, IOutboxStore outbox, ILogger logger)
{
    /// <summary>Pauses the chat's subscriptions and gives up its queued messages; returns how many subscriptions were paused.</summary>
    public async Task<int> PauseAsync(ChatAddress chat, string reason, CancellationToken cancellationToken)
    {
        var count = await subscriptions.DeactivateChatAsync(chat, reason, cancellationToken).ConfigureAwait(false);
        await outbox.DropPendingForChatAsync(chat, reason, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Chat {Chat} cannot be reached ({Reason}); paused its {Count} subscriptions", chat, reason, count);
        return count;
    }

    /// <summary>Moves the chat's subscriptions and queued messages to its new id; returns how many subscriptions moved.</summary>
    public async Task<int> MoveAsync(ChatAddress chat, string newChatId, CancellationToken cancellationToken)
    {
        var count = await subscriptions.MoveChatAsync(chat, newChatId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Chat {Chat} moved to {NewChatId}; moved {Count} subscriptions and its queued messages", chat, newChatId, count);
        return count;
    }

    /// <summary>Pauses or moves the chat when a send said it is gone or moved; false for any other result.</summary>
    public async Task<bool> ApplyAsync(ChatAddress chat, DeliveryResult? result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case DeliveryResult.ChatGone gone:
                await PauseAsync(chat, gone.Reason, cancellationToken).ConfigureAwait(false);
                return true;
            case DeliveryResult.ChatMoved moved:
                await MoveAsync(chat, moved.NewChatId, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }
}
