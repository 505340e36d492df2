using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Stores;

public interface ISubscriptionStore
{
    /// <summary>Adds the subscription, or returns the one that already exists for the same chat, person and topic
    /// (reactivated if it was inactive). The bool says whether it was new.</summary>
    Task<(Subscription Subscription, bool Created)> AddAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<Subscription?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The subscriptions of a chat: the chat-wide ones, and when <paramref name="userId"/> is given that person's own.</summary>
    Task<IReadOnlyList<Subscription>> ListForChatAsync(ChatAddress chat, string? userId, CancellationToken cancellationToken);

    /// <summary>Every active subscription (the jobs match events against these).</summary>
    Task<IReadOnlyList<Subscription>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>The active subscriptions with digests on whose digest may be due at <paramref name="now"/>: every one
    /// that is due, and maybe some that are not (the caller asks <see cref="Digests.DigestClock"/>), so a digest run
    /// need not read every subscription.</summary>
    Task<IReadOnlyList<Subscription>> ListDigestDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Saves filters, schedule and alert settings. The digest cursor is only moved by the outbox store.</summary>
    Task UpdateAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deactivates every subscription of a chat the bot can no longer post to; returns how many.</summary>
    Task<int> DeactivateChatAsync(ChatAddress chat, string reason, CancellationToken cancellationToken);

    /// <summary>How many of a chat's subscriptions (its own and its people's) are inactive: paused because the chat could not be reached.</summary>
    Task<int> CountInactiveAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>Reactivates every inactive subscription of a chat; returns how many.</summary>
    Task<int> ReactivateChatAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>Moves a chat's subscriptions and queued messages to its new id (a Telegram supergroup migration).</summary>
    Task<int> MoveChatAsync(ChatAddress from, string newChatId, CancellationToken cancellationToken);
}
