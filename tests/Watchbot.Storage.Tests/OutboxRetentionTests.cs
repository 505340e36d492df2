using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class OutboxRetentionTests : StoreTest
{
    [Fact]
    public async Task Messages_finished_before_the_cutoff_and_bodies_nothing_refers_to_are_purged_while_pending_ones_stay()
    {
        var oldSent = await Store.Outbox.EnqueueAsync(Samples.Message("old, sent"), Ct);
        var oldFailed = await Store.Outbox.EnqueueAsync(Samples.Message("old, given up"), Ct);
        var oldPending = await Store.Outbox.EnqueueAsync(Samples.Message("old, still waiting"), Ct);
        await Store.Outbox.MarkSentAsync(oldSent, "1", Clock.GetUtcNow(), Ct);
        await Store.Outbox.MarkFailedAsync(oldFailed, "403", Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromDays(40));
        var recentSent = await Store.Outbox.EnqueueAsync(Samples.Message("recent, sent"), Ct);
        await Store.Outbox.MarkSentAsync(recentSent, "2", Clock.GetUtcNow(), Ct);
        await MigrationTests.ExecuteAsync(Store.Database, $"""
            INSERT INTO outbox_bodies (id, sections) VALUES (1, '[]'), (2, '[]');
            UPDATE outbox SET body_id = 1 WHERE id = {oldPending};
            UPDATE outbox SET body_id = 2 WHERE id = {oldSent};
            """);

        var purged = await Store.OutboxRetention.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(30), Ct);

        Assert.Equal(new Repositories.OutboxPurge(2, 1), purged);
        Assert.Null(await Store.Outbox.GetAsync(oldSent, Ct));
        Assert.Null(await Store.Outbox.GetAsync(oldFailed, Ct));
        Assert.NotNull(await Store.Outbox.GetAsync(oldPending, Ct));
        Assert.NotNull(await Store.Outbox.GetAsync(recentSent, Ct));
        Assert.Equal(1, await Store.Outbox.CountPendingAsync(Ct));
        Assert.Equal(new Repositories.OutboxPurge(0, 0), await Store.OutboxRetention.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(30), Ct));
    }
}
