using Watchbot.Core.Stores;
using Watchbot.Host.Cli;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>`watchbot status` reads the heartbeats the running bot writes: polling and delivery alive while it runs.</summary>
public sealed class TelegramStatusTests : FakeTelegramTest
{
    [Fact]
    public async Task Status_says_polling_and_delivery_are_alive_while_the_bot_runs()
    {
        await using (var bot = await TelegramBot.StartAsync(Db, Fake))
        {
            var cursors = bot.Get<SqliteStore>().Cursors;
            string[] wanted = [Heartbeat.Prefix + Heartbeat.TelegramPolling, Heartbeat.Prefix + Heartbeat.Delivery("telegram")];
            for (var i = 0; i < 300 && !wanted.All((await cursors.ListAsync(Heartbeat.Prefix, CancellationToken.None)).Select(c => c.Name).Contains); i++)
            {
                await Task.Delay(100);
            }

            var result = await WatchbotProcess.RunAsync(["status", "--db", Db]);

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Contains("telegram.polling: alive", result.Output, StringComparison.Ordinal);
            Assert.Contains("delivery.telegram: alive", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Status_of_a_database_no_bot_ever_ran_on_says_so_and_exits_1()
    {
        var result = await WatchbotProcess.RunAsync(["status", "--db", Db]);

        Assert.Equal(StatusVerb.NotAlive, result.ExitCode);
        Assert.Contains("Nothing has reported yet", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_silent_for_longer_than_two_minutes_is_reported_as_not_alive()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var beats = new[]
        {
            new JobCursor(Heartbeat.Prefix + "delivery.discord", now.ToUnixTimeSeconds() - 600, now),
            new JobCursor(Heartbeat.Prefix + "telegram.polling", now.ToUnixTimeSeconds() - 5, now),
        };

        var (lines, alive) = StatusVerb.Describe(beats, now);

        Assert.False(alive);
        Assert.Equal(["delivery.discord: NOT alive (last seen 10 min ago)", "telegram.polling: alive (last seen 5 s ago)"], lines);
    }

    [Fact]
    public async Task A_heartbeat_is_written_at_most_every_fifteen_seconds()
    {
        using var f = new StoreFixture();
        var heartbeat = new Heartbeat(f.Store.Cursors, f.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Heartbeat>.Instance);
        var first = f.Clock.GetUtcNow().ToUnixTimeSeconds();

        await heartbeat.BeatAsync("delivery.test", CancellationToken.None);
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        await heartbeat.BeatAsync("delivery.test", CancellationToken.None);
        Assert.Equal(first, (await f.Store.Cursors.GetAsync("alive.delivery.test", CancellationToken.None)).Value);

        f.Clock.Advance(TimeSpan.FromSeconds(10));
        await heartbeat.BeatAsync("delivery.test", CancellationToken.None);
        Assert.Equal(first + 20, (await f.Store.Cursors.GetAsync("alive.delivery.test", CancellationToken.None)).Value);
    }
}
