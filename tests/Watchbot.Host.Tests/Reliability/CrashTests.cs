using System.Globalization;
using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// Kills the real program with SIGKILL at random moments while 500 due digests are composed and delivered to the fake
/// Telegram Bot API, starts it again, and checks that every chat got exactly its one digest, whole.
/// Six kills in CI; WATCHBOT_CRASH_KILLS=20 (or more) for the long run.
/// </summary>
public sealed class CrashTests(ITestOutputHelper log) : IDisposable
{
    private const int Subscriptions = 500;
    private const int Events = 20;
    private const int Parallelism = 8;
    private const long FirstChat = 700_000;
    private readonly TempFolder temp = new();

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("WATCHBOT_CRASH_KILLS"), out var n) && n > 0 ? n : 6;

    private string Db => temp.File("crash.db");

    [Fact]
    public async Task Killing_the_program_during_a_digest_run_neither_loses_nor_composes_a_digest_twice()
    {
        await using var fake = await FakeBotApiServer.StartAsync();
        await SeedAsync();
        Directory.CreateDirectory(temp.File("no-news"));
        var environment = new Dictionary<string, string>
        {
            ["Watchbot__Telegram__Token"] = fake.Token,
            ["Watchbot__Telegram__ApiBaseUrl"] = fake.BaseUrl,
            ["Watchbot__Telegram__PollTimeoutSeconds"] = "1",
            ["Watchbot__Sources__0__Path"] = temp.File("no-news"),
            ["Watchbot__Schedule__DigestInterval"] = "00:00:01",
            ["Watchbot__Schedule__DeliveryInterval"] = "00:00:00.200",
            ["Watchbot__Delivery__Parallelism"] = Parallelism.ToString(CultureInfo.InvariantCulture),
            ["Watchbot__Digest__BatchSize"] = "10", // 50 transactions to compose, so a kill can land between and inside them
        };
        var midWork = 0;
        var random = new Random(20201004);
        var composeKills = Math.Max(1, Kills / 3);
        for (var kill = 0; kill < Kills; kill++)
        {
            // A third of the kills land while the digest job composes (some digests queued, some not yet), the rest
            // while the worker delivers (some accepted by Telegram, some waiting). Progress is read as it happens, and
            // each kill's target leaves work for the kills after it, so every kill lands in the middle of something.
            var composing = kill < composeKills && await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'") < Subscriptions;
            Func<Task<long>> progress = composing
                ? () => CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'")
                : () => Task.FromResult((long)fake.Sent.Select(m => m.ChatId).Distinct().Count());
            var before = await progress();
            var killsLeft = composing ? composeKills - kill : Kills - kill;
            var step = Math.Max(1, (Subscriptions - before) / (killsLeft + 1));
            var target = Math.Min(Subscriptions - 1, before + random.Next(1, (int)(2 * step)));
            using var process = WatchbotProcess.Start(["run", "--db", Db], environment);
            var reached = await WaitUntilAsync(async () => await progress() >= target || process.Error.Contains("crit", StringComparison.Ordinal));
            process.Kill();
            var after = await progress();
            log.WriteLine($"kill {kill + 1} ({(composing ? "composing" : "delivering")}, target {target}, reached {reached}): " +
                $"{await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'")} composed, {fake.Sent.Count} accepted by the fake");
            Assert.True(reached, $"kill {kill + 1} found nothing to interrupt: progress {after}, target {target}\n{process.Error}");
            if (await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'") < Subscriptions || fake.Sent.Select(m => m.ChatId).Distinct().Count() < Subscriptions)
            {
                midWork++;
            }
        }

        using (var final = WatchbotProcess.Start(["run", "--db", Db], environment))
        {
            await WaitUntilAsync(() => Task.FromResult(fake.Sent.Select(m => m.ChatId).Distinct().Count() >= Subscriptions), TimeSpan.FromSeconds(120));
            final.Kill();
        }

        var delivered = fake.Sent.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.ToList());
        var composed = await ComposedDigestsPerChatAsync();
        var repeats = delivered.Values.Sum(m => m.Count - 1);
        log.WriteLine($"{Kills} kills ({midWork} with digests still to compose or deliver), {Subscriptions} subscriptions: {composed.Count} digests composed, {delivered.Count} chats got theirs, {repeats} deliveries repeated after a kill");

        Assert.Equal(Subscriptions, composed.Count);
        Assert.All(composed.Values, n => Assert.Equal(1, n));
        Assert.Equal(Subscriptions, delivered.Count);
        Assert.All(delivered.Values, messages => Assert.All(messages, m =>
            Assert.All(Enumerable.Range(0, Events), i => Assert.Contains($"Event number {i} of the run", m.Text, StringComparison.Ordinal))));
        Assert.True(repeats <= Kills * Parallelism, $"{repeats} repeats; at most the messages in flight at each kill may repeat");
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (SqliteException)
            {
                // The program is creating or migrating the file; look again.
            }

            await Task.Delay(2);
        }

        return false;
    }

    private Task<long> CountAsync(string sql) => DbProbe.ScalarAsync(Db, sql);

    private async Task SeedAsync()
    {
        var store = new SqliteStore(Db);
        await store.MigrateAsync(CancellationToken.None);
        await store.Topics.UpsertAsync(new Core.Topics.Topic("karabakh", "The war", [], [], []), CancellationToken.None);
        for (var i = 0; i < Events; i++)
        {
            await store.Events.AddAsync(new EventDraft
            {
                Kind = (EventKind)(i % 4), Date = new DateOnly(2020, 10, 1 + (i % 20)), Summary = $"Event number {i} of the run", Topics = ["karabakh"],
            }, CancellationToken.None);
        }

        var created = DateTimeOffset.UtcNow.AddDays(-2);
        for (var i = 0; i < Subscriptions; i++)
        {
            var chat = (FirstChat + i).ToString(CultureInfo.InvariantCulture);
            await store.Subscriptions.AddAsync(new Subscription { Chat = new ChatAddress("telegram", chat), Topic = "karabakh", CreatedAt = created }, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task<Dictionary<string, int>> ComposedDigestsPerChatAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chat_id, COUNT(*) FROM outbox WHERE kind = 'digest' GROUP BY chat_id";
        var result = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
