using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

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
    private readonly ChatLifecycle chats = new(subscriptions, outbox, logger);

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

    /// <summary>
    /// Keeps up to Parallelism chats in flight, each on its own: a chat whose send finishes gets its next message
    /// while the others are still sending, so a chat that hangs until its timeout holds one slot and nothing else.
    /// (Sending in rounds, each waiting for its slowest chat, let one hanging chat hold every chat up.)
    /// A chat never has two messages in flight, so order holds within it.
    /// </summary>
    private async Task<DrainResult> DrainExclusiveAsync(IChatTransport transport, int maxBatches, CancellationToken cancellationToken)
    {
        var tally = new int[Enum.GetValues<Outcome>().Length];
        var running = new Dictionary<ChatAddress, Task<Outcome>>();
        var waiting = new Queue<OutboxMessage>();
        var parallelism = Math.Max(1, settings.Parallelism);
        var fetches = 0;
        var fetchWanted = true;
        try
        {
            while (true)
            {
                if (fetchWanted && waiting.Count == 0 && running.Count < parallelism && fetches < maxBatches)
                {
                    fetches++;
                    fetchWanted = false;
                    var due = await outbox.NextDueAsync(transport.Platform, time.GetUtcNow(), settings.BatchSize, cancellationToken).ConfigureAwait(false);
                    foreach (var message in due.Where(m => !running.ContainsKey(m.Chat)))
                    {
                        waiting.Enqueue(message);
                    }
                }

                while (running.Count < parallelism && waiting.TryDequeue(out var next))
                {
                    if (!running.ContainsKey(next.Chat))
                    {
                        running[next.Chat] = DeliverAsync(transport, next, cancellationToken);
                    }
                }

                if (running.Count == 0)
                {
                    if (waiting.Count > 0 || (fetchWanted && fetches < maxBatches))
                    {
                        continue;
                    }

                    break;
                }

                // Wake when a send finishes, or after a while to pick up messages that fell due meanwhile (a slot may
                // be free while another chat's send still hangs).
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var wake = Task.Delay(settings.PollInterval, time, tick.Token);
                var first = await Task.WhenAny(running.Values.Append(wake)).ConfigureAwait(false);
                await tick.CancelAsync().ConfigureAwait(false);
                fetchWanted = true;
                if (first == wake)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    continue;
                }

                foreach (var (chat, send) in running.Where(r => r.Value.IsCompleted).ToList())
                {
                    running.Remove(chat);
                    tally[(int)await send.ConfigureAwait(false)]++;
                }
            }
        }
        catch
        {
            // Never leave a send behind: the next drain would send the same message again while it is still in flight.
            await Task.WhenAll(running.Values.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default))).ConfigureAwait(false);
            throw;
        }

        return new DrainResult(tally[(int)Outcome.Sent], tally[(int)Outcome.Retried], tally[(int)Outcome.Failed], tally[(int)Outcome.ChatGone]);
    }

    private enum Outcome { Sent, Retried, Failed, ChatGone, Moved }

    private async Task<Outcome> DeliverAsync(IChatTransport transport, OutboxMessage message, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            result = transport is IPartedChatTransport parted
                ? await parted.SendAsync(new OutboxDelivery(message.Id, message.Chat, message.Message, message.PartsSent),
                    (parts, token) => outbox.MarkPartsSentAsync(message.Id, parts, token), cancellationToken).ConfigureAwait(false)
                : await transport.SendAsync(message.Chat, message.Message, cancellationToken).ConfigureAwait(false);
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
                // The platform has it: the mark must land, or the next drain would send it again. A store error is
                // retried (the chat stays in flight meanwhile) until it does.
                await StoreRetry.UntilDoneAsync(ct => outbox.MarkSentAsync(message.Id, delivered.PlatformMessageId, now, ct),
                    $"message {message.Id} as sent", logger, time, cancellationToken).ConfigureAwait(false);
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
            case DeliveryResult.ChatPaused paused:
                await outbox.PauseAsync(message.Id, now + paused.RetryAfter, paused.Reason, cancellationToken).ConfigureAwait(false);
                logger.LogWarning("Chat {Chat} is paused for {Minutes:0} min ({Reason}); its subscriptions stay", message.Chat, paused.RetryAfter.TotalMinutes, paused.Reason);
                return Outcome.Retried;
            case DeliveryResult.ChatGone:
                await chats.ApplyAsync(message.Chat, result, cancellationToken).ConfigureAwait(false);
                return Outcome.ChatGone;
            case DeliveryResult.ChatMoved:
                await chats.ApplyAsync(message.Chat, result, cancellationToken).ConfigureAwait(false);
                return Outcome.Moved;
            default:
                throw new InvalidOperationException($"Unknown delivery result {result.GetType().Name}.");
        }
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(10).Ticks, settings.RetryBase.Ticks << Math.Min(attempts, 20)));
}
