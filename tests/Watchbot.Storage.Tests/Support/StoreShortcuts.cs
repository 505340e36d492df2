using Watchbot.Core.Delivery;
using Watchbot.Core.Stores;

namespace Watchbot.Storage.Tests;

/// <summary>One-item forms of the stores' batch methods, so a test about one digest or one article says only that.</summary>
internal static class StoreShortcuts
{
    public static async Task<bool> EnqueueDigestAsync(this IOutboxStore outbox, long subscriptionId, long expectedCursor, long newCursor,
        DateTimeOffset digestAt, OutboxDraft? message, CancellationToken cancellationToken) =>
        (await outbox.EnqueueDigestsAsync([new DigestDraft(subscriptionId, expectedCursor, newCursor, message)], digestAt, cancellationToken))[0];

    public static async Task<long> LastSeqBeforeAsync(this IEventStore events, DateTimeOffset time, CancellationToken cancellationToken) =>
        (await events.LastSeqsBeforeAsync([time], cancellationToken))[time];

    public static Task<StoredArticle?> FindByHashAsync(this IArticleStore articles, string contentHash, CancellationToken cancellationToken) =>
        articles.FindAsync(contentHash, url: null, cancellationToken);
}
