using Microsoft.Extensions.Logging;
using Watchbot.Core.Storage;

namespace Watchbot.Core.Delivery;

public sealed record DrainResult(int Sent, int Retried, int Failed, int ChatsGone);

/// <summary>
/// Drains the outbox of one platform through its transport: one message per chat at a time (so order holds
/// within a chat), many chats at once (so one slow or broken chat never holds up the others).
/// </summary>
public sealed class DeliveryService(
    IOutboxStore outbox,
    ISubscriptionStore subscriptions,
    DeliverySettings settings,
    TimeProvider time,
    ILogger<DeliveryService> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> drains = new();

    /// <summary>Sends what is due now, batch after batch, until nothing is due or <paramref name="maxBatches"/> ran.</summary>
    /// <remarks>Drains of one platform run one at a time, so two callers never send the same message.</remarks>
    public async Task<DrainResult> DrainAsync(IChatTransport transport, CancellationToken cancellationToken, int maxBatches = 1000)
    {
        var gate = drains.GetOrAdd(transport.Platform, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DrainExclusiveAsync(transport, maxBatches, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<DrainResult> DrainExclusiveAsync(IChatTransport transport, int maxBatches, CancellationToken cancellationToken)
    {
        int sent = 0, retried = 0, failed = 0, gone = 0;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var due = await outbox.NextDueAsync(transport.Platform, time.GetUtcNow(), settings.BatchSize, cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                break;
            }

            var outcomes = new Outcome[due.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, due.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
                async (i, ct) => outcomes[i] = await DeliverAsync(transport, due[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
            sent += outcomes.Count(o => o == Outcome.Sent);
            retried += outcomes.Count(o => o == Outcome.Retried);
            failed += outcomes.Count(o => o == Outcome.Failed);
            gone += outcomes.Count(o => o == Outcome.ChatGone);
        }

        return new DrainResult(sent, retried, failed, gone);
    }

    private enum Outcome { Sent, Retried, Failed, ChatGone, Moved }

    private async Task<Outcome> DeliverAsync(IChatTransport transport, OutboxMessage message, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            result = await transport.SendAsync(message.Chat, message.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending message {Id} to {Chat} threw; retrying later", message.Id, message.Chat);
            result = new DeliveryResult.Retry(Backoff(message.Attempts), ex.GetType().Name);
        }

        var now = time.GetUtcNow();
        switch (result)
        {
            case DeliveryResult.Delivered delivered:
                await outbox.MarkSentAsync(message.Id, delivered.PlatformMessageId, now, cancellationToken).ConfigureAwait(false);
                return Outcome.Sent;
            case DeliveryResult.Retry retry when message.Attempts + 1 < settings.MaxAttempts:
                await outbox.RetryLaterAsync(message.Id, now + (retry.After > TimeSpan.Zero ? retry.After : Backoff(message.Attempts)), retry.Reason, cancellationToken).ConfigureAwait(false);
                return Outcome.Retried;
            case DeliveryResult.Retry retry:
                logger.LogError("Giving up message {Id} to {Chat} after {Attempts} attempts: {Reason}", message.Id, message.Chat, message.Attempts + 1, retry.Reason);
                await outbox.MarkFailedAsync(message.Id, retry.Reason, now, cancellationToken).ConfigureAwait(false);
                return Outcome.Failed;
            case DeliveryResult.Failed fail:
                logger.LogError("Message {Id} to {Chat} was refused and will not be retried: {Reason}", message.Id, message.Chat, fail.Reason);
                await outbox.MarkFailedAsync(message.Id, fail.Reason, now, cancellationToken).ConfigureAwait(false);
                return Outcome.Failed;
            case DeliveryResult.ChatGone gone:
                var count = await subscriptions.DeactivateChatAsync(message.Chat, gone.Reason, cancellationToken).ConfigureAwait(false);
                await outbox.DropPendingForChatAsync(message.Chat, gone.Reason, cancellationToken).ConfigureAwait(false);
                logger.LogWarning("Chat {Chat} is gone ({Reason}); deactivated its {Count} subscriptions", message.Chat, gone.Reason, count);
                return Outcome.ChatGone;
            case DeliveryResult.ChatMoved moved:
                var movedCount = await subscriptions.MoveChatAsync(message.Chat, moved.NewChatId, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Chat {Chat} moved to {NewChatId}; moved {Count} subscriptions and its queued messages", message.Chat, moved.NewChatId, movedCount);
                return Outcome.Moved;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result.GetType().Name}.");
        }
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(10).Ticks, settings.RetryBase.Ticks << Math.Min(attempts, 20)));
}
