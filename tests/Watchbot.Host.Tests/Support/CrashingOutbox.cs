using Watchbot.Core.Delivery;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Host.Tests.Support;

/// <summary>The real outbox, until the process "dies": every digest batch after the first <paramref name="batchesBeforeCrash"/>
/// throws before it reaches the store, as a kill between two batches would stop the run.</summary>
public sealed class CrashingOutbox(IOutboxStore inner, int batchesBeforeCrash) : IOutboxStore
{
    private int batches;

    public int Batches => batches;

    public Task<IReadOnlyList<bool>> EnqueueDigestsAsync(IReadOnlyList<DigestDraft> digests, DateTimeOffset digestAt, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref batches) > batchesBeforeCrash
            ? throw new IOException("The process was killed between two digest batches.")
            : inner.EnqueueDigestsAsync(digests, digestAt, cancellationToken);

    public Task<bool> EnqueueWithCursorAsync(string cursorName, long expectedCursor, long newCursor, IReadOnlyList<OutboxDraft> messages,
        CancellationToken cancellationToken) =>
        inner.EnqueueWithCursorAsync(cursorName, expectedCursor, newCursor, messages, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> NextDueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.NextDueAsync(platform, now, limit, cancellationToken);

    public Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkSentAsync(id, platformMessageId, at, cancellationToken);

    public Task MarkFailedAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkFailedAsync(id, reason, at, cancellationToken);

    public Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        inner.RetryLaterAsync(id, notBefore, reason, cancellationToken);

    public Task PauseAsync(long id, DateTimeOffset until, string reason, CancellationToken cancellationToken) =>
        inner.PauseAsync(id, until, reason, cancellationToken);

    public Task<int> ResumeChatAsync(ChatAddress chat, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ResumeChatAsync(chat, now, cancellationToken);

    public Task MarkPartsSentAsync(long id, int partsSent, CancellationToken cancellationToken) =>
        inner.MarkPartsSentAsync(id, partsSent, cancellationToken);

    public Task<int> DropPendingForChatAsync(ChatAddress chat, string reason, CancellationToken cancellationToken) =>
        inner.DropPendingForChatAsync(chat, reason, cancellationToken);

    public Task<int> CountPendingAsync(CancellationToken cancellationToken) => inner.CountPendingAsync(cancellationToken);

    public Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);
}
