using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Configuration;
using Watchbot.Host.Jobs;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Services;

public sealed class RetentionJobTests : IDisposable
{
    private readonly StoreFixture f = new();

    [Theory]
    [InlineData(30, true)]
    [InlineData(0, false)]
    public async Task Delivered_messages_older_than_KeepSentDays_are_deleted_unless_it_is_zero(int keepSentDays, bool deleted)
    {
        var sent = await f.Store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("test", "a"), OutgoingMessage.Reply("sent long ago")), CancellationToken.None);
        await f.Store.Outbox.MarkSentAsync(sent, null, f.Clock.GetUtcNow(), CancellationToken.None);
        var pending = await f.Store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("test", "b"), OutgoingMessage.Reply("still waiting")), CancellationToken.None);
        f.Clock.Advance(TimeSpan.FromDays(31));
        var options = new WatchbotOptions { Storage = new StorageOptions { KeepSentDays = keepSentDays } };

        await new RetentionJob(options, f.Clock, f.Store, NullLogger<RetentionJob>.Instance).Execute(null!, CancellationToken.None);

        Assert.Equal(deleted, await f.Store.Outbox.GetAsync(sent, CancellationToken.None) is null);
        Assert.NotNull(await f.Store.Outbox.GetAsync(pending, CancellationToken.None));
    }

    [Fact]
    public async Task Chart_files_older_than_KeepSentDays_are_deleted_and_newer_ones_kept()
    {
        using var folder = new TempFolder();
        var old = folder.File("karabakh-20201004-old.png");
        var recent = folder.File("karabakh-20201103-new.png");
        await File.WriteAllBytesAsync(old, [1], CancellationToken.None);
        await File.WriteAllBytesAsync(recent, [1], CancellationToken.None);
        f.Clock.Set(DateTimeOffset.UtcNow);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-31));
        File.SetLastWriteTimeUtc(recent, DateTime.UtcNow.AddDays(-29));
        var options = new WatchbotOptions { Storage = new StorageOptions { KeepSentDays = 30 } };
        var charts = new Watchbot.Charts.ScottPlotChartRenderer(folder.Path, NullLogger<Watchbot.Charts.ScottPlotChartRenderer>.Instance);

        await new RetentionJob(options, f.Clock, f.Store, NullLogger<RetentionJob>.Instance, charts: charts).Execute(null!, CancellationToken.None);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    public void Dispose() => f.Dispose();
}
