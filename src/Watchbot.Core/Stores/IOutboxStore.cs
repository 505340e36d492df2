using Watchbot.Core.Delivery;

namespace Watchbot.Core.Stores;

/// <summary>
/// The outbox: a message is queued in the same transaction that moves the cursor which produced it,
/// so a crash can neither lose a digest nor compose it twice.
/// </summary>
public interface IOutboxStore
{
    /// <summary>In one transaction, for each digest in turn: if its subscription's digest cursor still equals its expected
    /// cursor, moves it, sets the last digest time to <paramref name="digestAt"/> and queues its message (if any).
    /// Returns, in order, whether each was queued (false: its cursor had moved, that one changed nothing). A failure
    /// rolls the whole batch back, so each digest is queued exactly when its cursor moves.</summary>
    Task<IReadOnlyList<bool>> EnqueueDigestsAsync(IReadOnlyList<DigestDraft> digests, DateTimeOffset digestAt, CancellationToken cancellationToken);

    /// <summary>In one transaction: if the named job cursor still equals <paramref name="expectedCursor"/>, moves it to
    /// <paramref name="newCursor"/> and queues every message. Returns false, changing nothing, otherwise.</summary>
    Task<bool> EnqueueWithCursorAsync(string cursorName, long expectedCursor, long newCursor,
        IReadOnlyList<OutboxDraft> messages, CancellationToken cancellationToken);

    /// <summary>For each chat of the platform, the oldest pending message, if its time has come; oldest chats first.
    /// A chat whose oldest message waits holds back its later ones, so messages keep their order within a chat.</summary>
    Task<IReadOnlyList<OutboxMessage>> NextDueAsync(string platform, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, string? platformMessageId, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    Task RetryLaterAsync(long id, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken);

    /// <summary>Holds a message (and so its chat's later ones) until <paramref name="until"/> without counting an attempt.</summary>
    Task PauseAsync(long id, DateTimeOffset until, string reason, CancellationToken cancellationToken);

    /// <summary>Makes a chat's paused messages due at <paramref name="now"/>; returns how many there were.</summary>
    Task<int> ResumeChatAsync(Subscriptions.ChatAddress chat, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that the first <paramref name="partsSent"/> parts of a split message were delivered.</summary>
    Task MarkPartsSentAsync(long id, int partsSent, CancellationToken cancellationToken);

    /// <summary>Marks failed every pending message of a chat (its subscriptions were deactivated).</summary>
    Task<int> DropPendingForChatAsync(Subscriptions.ChatAddress chat, string reason, CancellationToken cancellationToken);

    Task<int> CountPendingAsync(CancellationToken cancellationToken);

    Task<OutboxMessage?> GetAsync(long id, CancellationToken cancellationToken);
}
