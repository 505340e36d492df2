using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;
using Xunit.Abstractions;

namespace Watchbot.Host.Tests;

/// <summary>
/// Kills the real program with SIGKILL at random moments while due digests are being composed and delivered,
/// starts it again, and checks that every subscription's digest was composed exactly once and arrived.
/// </summary>
public sealed partial class CrashTests(ITestOutputHelper log) : IDisposable
{
    private const int Subscriptions = 500;
    private const int Kills = 6;
    private const int Parallelism = 8;
    private readonly TempFolder temp = new();

    private string Db => temp.File("crash.db");

    [Fact]
    public async Task Killing_the_program_during_a_digest_run_neither_loses_nor_composes_a_digest_twice()
    {
        await SeedAsync();
        var environment = new Dictionary<string, string>
        {
            ["Watchbot__Schedule__DigestInterval"] = "00:00:01",
            ["Watchbot__Schedule__DeliveryInterval"] = "00:00:00.200",
            ["Watchbot__Delivery__Parallelism"] = Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var random = new Random(20201004);
        var output = new System.Text.StringBuilder();
        for (var kill = 0; kill < Kills; kill++)
        {
            // The first half of the kills land while the digest job composes (some digests queued, some not yet),
            // the rest while the worker delivers (some sent, some waiting). Progress is read from the database.
            var composing = kill < Kills / 2;
            var query = composing
                ? "SELECT COUNT(*) FROM outbox WHERE kind = 'digest'"
                : "SELECT COUNT(*) FROM outbox WHERE kind = 'digest' AND status = 'sent'";
            var before = await CountAsync(query);
            var target = before + random.Next(1, (int)Math.Max(2, (Subscriptions - before) / 2));
            using var process = WatchbotProcess.Start(["run", "--db", Db], environment);
            var reached = await WaitUntilAsync(async () => await CountAsync(query) >= target);
            process.Kill();
            output.Append(process.Output);
            log.WriteLine($"kill {kill + 1} ({(composing ? "composing" : "delivering")}, target {target}, reached {reached}): " +
                $"{await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'digest'")} composed, " +
                $"{await CountAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'digest' AND status = 'sent'")} sent");
        }

        using (var final = WatchbotProcess.Start(["run", "--db", Db], environment))
        {
            var seen = 0;
            for (var i = 0; i < 1800 && seen < Subscriptions; i++)
            {
                await Task.Delay(100);
                seen = DeliveredChats(output + final.Output).Distinct().Count();
            }

            final.Kill();
            output.Append(final.Output);
        }

        var delivered = DeliveredChats(output.ToString()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var composed = await ComposedDigestsPerChatAsync();
        var duplicates = delivered.Values.Sum(n => n - 1);
        log.WriteLine($"{Kills} kills, {Subscriptions} subscriptions: {delivered.Count} chats got their digest, {duplicates} deliveries repeated after a kill");

        Assert.Equal(Subscriptions, composed.Count);
        Assert.All(composed.Values, n => Assert.Equal(1, n));
        Assert.Equal(Subscriptions, delivered.Count);
        Assert.True(duplicates <= Kills * Parallelism, $"{duplicates} repeats; at most the messages in flight at each kill may repeat");
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
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

            Thread.SpinWait(200);
        }

        return false;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task SeedAsync()
    {
        var store = new SqliteStore(Db);
        await store.MigrateAsync(CancellationToken.None);
        await store.Topics.UpsertAsync(new Core.Topics.Topic("karabakh", "The war", [], [], []), CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            await store.Events.AddAsync(new EventDraft
            {
                Kind = (EventKind)(i % 4), Date = new DateOnly(2020, 10, 1 + (i % 20)), Summary = $"Event number {i} of the run", Topics = ["karabakh"],
            }, CancellationToken.None);
        }

        var created = DateTimeOffset.UtcNow.AddDays(-2);
        for (var i = 0; i < Subscriptions; i++)
        {
            await store.Subscriptions.AddAsync(new Subscription { Chat = new ChatAddress("console", $"c{i}"), Topic = "karabakh", CreatedAt = created }, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task<Dictionary<string, int>> ComposedDigestsPerChatAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chat_id, COUNT(*) FROM outbox WHERE kind = 'digest' GROUP BY chat_id";
        var result = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        SqliteConnection.ClearAllPools();
        return result;
    }

    private static IEnumerable<string> DeliveredChats(string output) =>
        DigestLine().Matches(output).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^--- digest to (c\d+) ---$", RegexOptions.Multiline)]
    private static partial Regex DigestLine();

    public void Dispose() => temp.Dispose();
}
