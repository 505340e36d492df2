using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Telegram;
using Watchbot.Telegram.Receiving;

namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// The real host against the fake Bot API while another connection holds the database's write lock longer than the
/// store's busy timeout (10 s), with commands, a new event's alert and a delivery in flight. Nothing stops: once the
/// lock is released every command is answered, the alert and the delivery arrive, and nothing arrives twice.
/// </summary>
public sealed class LockedStoreTests : FakeTelegramTest
{
    private const long Bob = 2002;
    private const long Carol = 3003;
    private const long Dave = 4004;

    /// <summary>Longer than SqliteDatabase's busy timeout (10 s), so every write the bot tries meanwhile fails as locked.</summary>
    private static readonly TimeSpan LockHeld = TimeSpan.FromSeconds(13);

    [Fact]
    public async Task A_write_lock_held_past_the_busy_timeout_stops_nothing_and_afterwards_everything_is_answered_and_delivered_once()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake, s => s["Watchbot:Schedule:PollInterval"] = "00:00:01");
        await AskAsync(Alice, "/subscribe karabakh", 1);
        await AskAsync(Alice, "/alerts karabakh on severity>=1", 2);

        // A delivery in flight: Telegram takes the message at once but answers late, so its sent mark meets the lock.
        Fake.FailNext(Dave, new FakeFailure.LateAnswer(TimeSpan.FromSeconds(3)));
        Assert.True(await bot.Get<IOutboxStore>().EnqueueWithCursorAsync("test:queued-before-lock", 0, 1,
            [new OutboxDraft(new ChatAddress("telegram", Dave.ToString(System.Globalization.CultureInfo.InvariantCulture)), OutgoingMessage.Reply("queued before the lock"))],
            CancellationToken.None));
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Dave).Count == 1, TelegramBot.Patience), "the queued message was not sent");
        await bot.AddEventAsync("Shelling of Stepanakert during the lock");

        long lastUpdate;
        await using (var locker = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await locker.OpenAsync();
            await ExecuteAsync(locker, "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS held (x INTEGER); INSERT INTO held VALUES (1);");
            Fake.EnqueueText(Bob, Bob, "/topics");
            lastUpdate = Fake.EnqueueText(Carol, Carol, "/help");
            await Task.Delay(LockHeld);
            await ExecuteAsync(locker, "COMMIT;");
        }

        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Bob).Count >= 1 && f.SentTo(Carol).Count >= 1
            && f.SentTo(Alice).Any(m => m.Text.Contains("during the lock", StringComparison.Ordinal)), TimeSpan.FromSeconds(60)),
            $"not everything arrived after the lock: Bob {Fake.SentTo(Bob).Count}, Carol {Fake.SentTo(Carol).Count}, Alice {Fake.SentTo(Alice).Count}");
        Assert.True(await WaitForAsync(async () => await bot.Get<IOutboxStore>().CountPendingAsync(CancellationToken.None) == 0), "the outbox did not empty");
        // Room for a repeat to show: a skipped offset or a lost sent mark would send again within a few drains.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(Fake.SentTo(Bob));
        Assert.Single(Fake.SentTo(Carol));
        Assert.Single(Fake.SentTo(Dave));
        Assert.Single(Fake.SentTo(Alice), m => m.Text.Contains("during the lock", StringComparison.Ordinal));
        Assert.DoesNotContain(Fake.Sent, m => m.Text.Contains("Sorry", StringComparison.Ordinal));
        Assert.Equal(lastUpdate + 1, (await bot.Get<ICursorStore>().GetAsync(PollingReceiver.CursorName, CancellationToken.None)).Value);
        Assert.False(bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the host began to stop");
        Assert.DoesNotContain(bot.Host.Services.GetServices<IHostedService>().OfType<BackgroundService>(), s => s.ExecuteTask?.IsCompleted == true);
    }

    private async Task AskAsync(long user, string line, int answers)
    {
        Fake.EnqueueText(user, user, line);
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(user).Count >= answers, TelegramBot.Patience), $"{line} was not answered");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
