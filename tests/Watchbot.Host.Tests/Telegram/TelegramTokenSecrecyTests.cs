using System.Text;
using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Telegram;

/// <summary>
/// The bot token is in every request path, so every error path is a chance to print it. These tests run the real
/// program against the fake with a distinctive token, walk it through Telegram's failures (401, 409, 429, 403,
/// 400 chat not found, 502, a request that never returns) with every log level on, and then look for the token
/// in everything the program left behind: its standard output and error, every request it made to the fake
/// (replies included), and the bytes of the SQLite database and its WAL.
/// </summary>
public sealed class TelegramTokenSecrecyTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Token = "8642097531:AAHsecretDISTINCTIVE_token-Qx7Zk2Lm9Pw4Rt";
    private const long Alice = 1001, Bob = 1002, Carol = 1003, Dave = 1004, Erin = 1005;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder temp = new();
    private FakeBotApiServer fake = null!;

    private string Db => temp.File("secrecy.db");

    public async Task InitializeAsync() => fake = await FakeBotApiServer.StartAsync(Token);

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    private Dictionary<string, string> Environment(string token) => new()
    {
        ["Watchbot__Telegram__Token"] = token,
        ["Watchbot__Telegram__ApiBaseUrl"] = fake.BaseUrl,
        ["Watchbot__Telegram__PollTimeoutSeconds"] = "1",
        ["Watchbot__Telegram__RequestTimeout"] = "00:00:02",
        ["Watchbot__Schedule__DeliveryInterval"] = "00:00:00.200",
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Microsoft"] = "Trace",
        ["Logging__LogLevel__System"] = "Trace",
    };

    [Fact]
    public async Task The_token_appears_nowhere_after_every_kind_of_telegram_failure()
    {
        await SeedAsync();
        fake.FailNextCalls("getMe", new FakeFailure.Unauthorized());
        fake.FailNextCalls("setMyCommands", FakeFailure.Flood(1));
        fake.FailNextCalls("getUpdates", new FakeFailure.Conflict(), new FakeFailure.Pass(), new FakeFailure.BadGateway(), new FakeFailure.Pass(), new FakeFailure.Hang());
        fake.FailNext(Alice, FakeFailure.Flood(1));
        fake.FailAlways(Bob, new FakeFailure.Blocked());
        fake.FailAlways(Carol, new FakeFailure.ChatNotFound());
        fake.FailNext(Dave, new FakeFailure.BadGateway(), new FakeFailure.Hang());
        fake.FailNext(Erin, new FakeFailure.Unauthorized());
        foreach (var person in new[] { Alice, Bob, Carol, Dave, Erin })
        {
            fake.EnqueueText(person, person, "/subscribe karabakh");
        }

        fake.EnqueueText(Alice, Alice, "/status");
        fake.EnqueueText(Alice, Alice, "/subscriptions");

        string output, error;
        using (var bot = WatchbotProcess.Start(["run", "--db", Db], Environment(Token)))
        {
            var done = await fake.WaitUntilAsync(
                f => Recapped(f, Alice) && Recapped(f, Dave) && Recapped(f, Erin)
                    && f.SentTo(Alice).Any(m => m.Text.Contains("Messages waiting", StringComparison.Ordinal))
                    && f.SentTo(Alice).Any(m => m.Text.Contains("personal", StringComparison.Ordinal))
                    && f.CallsOf("getUpdates").Count >= 8,
                Patience);
            var gone = done && await DbProbe.EventuallyAsync(async () => await CountAsync("SELECT COUNT(*) FROM subscriptions WHERE active = 0") == 2);
            bot.Kill();
            (output, error) = (bot.Output, bot.Error);
            log.WriteLine(error);
            Assert.True(done && gone, $"the run did not get through every failure. Calls:\n{string.Join("\n", fake.Calls.Select(c => c.Method + " " + c.Body.ToJsonString()))}");
        }

        // Every failure was met and reported.
        Assert.Contains("refused the bot token (401", error);
        Assert.Contains("409", error);
        Assert.Contains("429", error);
        Assert.Contains("blocked by the user", error);
        Assert.Contains("chat not found", error);
        Assert.Contains("502", error);
        Assert.Contains("no answer within", error);

        AssertNowhere(Token, output, error);
    }

    [Fact]
    public async Task A_token_telegram_refuses_is_reported_but_never_shown()
    {
        const string wrong = "1357924680:AAHanotherDISTINCTIVE_token-Vb3Nm8Kj1Hg6";
        await SeedAsync();
        fake.EnqueueText(Alice, Alice, "/subscribe karabakh");

        string output, error;
        using (var bot = WatchbotProcess.Start(["run", "--db", Db], Environment(wrong)))
        {
            var reported = false;
            for (var i = 0; i < 600 && !reported; i++)
            {
                reported = WatchbotProcess.Count(bot.Error, "refused the bot token") >= 2 && fake.Calls.Count(c => c.Method == "getMe") >= 2;
                await Task.Delay(100);
            }

            bot.Kill();
            (output, error) = (bot.Output, bot.Error);
            Assert.True(reported, error);
        }

        Assert.Contains("Watchbot__Telegram__Token", error);
        Assert.Empty(fake.Sent);
        AssertNowhere(wrong, output, error);
    }

    private static bool Recapped(FakeBotApiServer fake, long chat) =>
        fake.SentTo(chat).Any(m => m.Text.Contains("Shelling of Stepanakert", StringComparison.Ordinal));

    /// <summary>The token, or the secret half of it alone (after the colon), is in none of what the program left.</summary>
    private void AssertNowhere(string token, string output, string error)
    {
        var secretHalf = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var places = SecretSearch.Places(Db,
            ("standard output", output),
            ("standard error", error),
            ("requests to Telegram", string.Join("\n", fake.Calls.Select(c => c.Method + " " + c.Body.ToJsonString()))));

        Assert.Contains(places, p => p.Where.EndsWith("-wal", StringComparison.Ordinal) && p.Bytes.Length > 0);
        Assert.Contains("dbug: Watchbot.Telegram.Api.BotApi", error);
        SecretSearch.AssertNowhere(places, token, secretHalf);
    }

    private async Task SeedAsync()
    {
        var store = new SqliteStore(Db);
        await store.MigrateAsync(CancellationToken.None);
        await store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation, Date = DateOnly.FromDateTime(DateTime.UtcNow), Summary = "Shelling of Stepanakert overnight",
            Topics = ["karabakh"], Severity = 4,
        }, CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    private Task<long> CountAsync(string sql) => DbProbe.ScalarAsync(Db, sql);
}
