using System.Text;
using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Fakes.Discord;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Discord;

/// <summary>
/// The Discord bot token goes in every REST call's Authorization header and in Identify and Resume, so every error
/// path is a chance to print it. These tests run the real program against the fake Discord with a distinctive token
/// and every log level on, walk it through Discord's failures (a global 429, a 502, channels it lost with 50001,
/// 50013 and 10003, a user who takes no DMs (50007), an expired interaction (10062), a dropped socket, a zombie
/// connection, op 9, and a token Discord refuses with 401 and 4004), then look for the token in everything the
/// program left: its standard output and error, every request it made (replies included) and the SQLite files.
/// </summary>
public sealed class DiscordTokenSecrecyTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string Token = "MTA5ODc2NTQzMjEwOTg3NjU0.GsEcRt.DISTINCTIVE_discord-token_Qx7Zk2Lm9Pw4";
    private const string Good = "700000000000000101", NoAccess = "700000000000000102", NoPermission = "700000000000000103", Deleted = "700000000000000104";
    private const string Admin = "500000000000000105", NoDms = "500000000000000106";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder temp = new();
    private FakeDiscord fake = null!;

    private string Db => temp.File("secrecy.db");

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync(Token);
        // Each run starts the bot again and identifies; Discord's 5 s identify window would make every start wait.
        // The bot is given IdentifySpacing 100 ms, above this window, so a faster identify is still refused.
        fake.IdentifyWindow = TimeSpan.FromMilliseconds(80);
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    private Dictionary<string, string> Environment(string token) => new()
    {
        ["Watchbot__Discord__Token"] = token,
        ["Watchbot__Discord__ApplicationId"] = fake.ApplicationId,
        ["Watchbot__Discord__ApiBaseUrl"] = fake.ApiBaseUrl,
        ["Watchbot__Discord__GatewayUrl"] = fake.GatewayUrl,
        ["Watchbot__Discord__ReconnectMinDelay"] = "00:00:00.100",
        ["Watchbot__Discord__ReconnectMaxDelay"] = "00:00:00.500",
        ["Watchbot__Discord__IdentifySpacing"] = "00:00:00.100",
        ["Watchbot__Discord__RetryBase"] = "00:00:00.100",
        ["Watchbot__Schedule__DeliveryInterval"] = "00:00:00.200",
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Microsoft"] = "Trace",
        ["Logging__LogLevel__System"] = "Trace",
    };

    [Fact]
    public async Task The_token_appears_nowhere_after_every_kind_of_discord_failure()
    {
        await SeedAsync();
        fake.HeartbeatIntervalMs = 300;
        fake.RateLimitNext(1, retryAfterSeconds: 0.3, global: true);
        fake.ChannelErrors[NoAccess] = 50001;
        fake.ChannelErrors[NoPermission] = 50013;
        fake.ChannelErrors[Deleted] = 10003;
        fake.ChannelErrors[fake.DmChannelOf(NoDms)] = 50007;

        string output, error;
        using (var bot = WatchbotProcess.Start(["run", "--db", Db], Environment(Token)))
        {
            Assert.True(await fake.WaitUntilAsync(() => fake.Connected && fake.Heartbeats >= 1, Patience), bot.Error);
            await fake.DropAsync();
            Assert.True(await fake.WaitUntilAsync(() => fake.Resumes >= 1 && fake.Connected, Patience), bot.Error);
            fake.StopAcknowledgingThisConnection();
            Assert.True(await fake.WaitUntilAsync(() => fake.Resumes >= 2 && fake.Connected, Patience), bot.Error);
            await fake.SendInvalidSessionAsync(resumable: false);
            Assert.True(await fake.WaitUntilAsync(() => fake.Identifies >= 2 && fake.Connected, Patience), bot.Error);

            var ids = new List<string>();
            foreach (var channel in new[] { Good, NoAccess, NoPermission, Deleted })
            {
                ids.Add(await fake.SendCommandAsync("subscribe", [("topic", "karabakh")], channel, userId: Admin));
            }

            ids.Add(await fake.SendCommandAsync("subscribe", [("topic", "karabakh")], Good, userId: NoDms, permissions: "0", inDm: true));
            Assert.True(await fake.WaitUntilAsync(() => ids.All(id => fake.Interactions[id].Final is not null), Patience), bot.Error);
            var expired = fake.NewCommand("status", channelId: Good, userId: Admin);
            fake.InteractionErrors[(string)expired["id"]!] = 10062;
            await fake.DispatchAsync("INTERACTION_CREATE", expired);

            fake.FailNext(1);
            foreach (var channel in new[] { Good, NoAccess, NoPermission, Deleted })
            {
                ids.Add(await fake.SendCommandAsync("digest", [("action", "now")], channel, userId: Admin));
            }

            ids.Add(await fake.SendCommandAsync("digest", [("action", "now")], Good, userId: NoDms, permissions: "0", inDm: true));
            // The recap on subscribing already reached Good: wait for the 502 itself and the digest after it, so the run
            // is not stopped before the failing call was made.
            var done = await fake.WaitUntilAsync(() => fake.Requests.Any(r => r.Status == 502) && fake.MessagesTo(Good).Count >= 2
                && ids.All(id => fake.Interactions[id].Final is not null), Patience);
            var gone = done && await DbProbe.EventuallyAsync(async () => await CountAsync("SELECT COUNT(*) FROM subscriptions WHERE active = 0") == 3);

            // On a loaded machine the paused channel's log line can come after the rest: wait for it before stopping.
            var logged = gone && await bot.WaitForOutputAsync("50013", 1, Patience, inErrors: true);
            bot.Kill();
            (output, error) = (bot.Output, bot.Error);
            log.WriteLine(error.Length > 20_000 ? error[^20_000..] : error);
            Assert.True(done && gone && logged, "the run did not get through every failure");
        }

        // Every failure was met and reported.
        Assert.Contains("rate-limited", error, StringComparison.Ordinal);
        Assert.Contains("50001", error, StringComparison.Ordinal);
        Assert.Contains("50013", error, StringComparison.Ordinal);
        Assert.Contains("10003", error, StringComparison.Ordinal);
        Assert.Contains("50007", error, StringComparison.Ordinal);
        Assert.Contains("10062", error, StringComparison.Ordinal);
        Assert.Contains("zombie", error, StringComparison.Ordinal);
        Assert.Contains(fake.Requests, r => r.Status == 502);

        AssertNowhere(Token, output, error);
    }

    [Fact]
    public async Task A_token_discord_refuses_stops_the_transport_with_a_message_that_never_shows_it()
    {
        const string wrong = "OTg3NjU0MzIxMDk4NzY1NDMy.GwRoNg.ANOTHER_distinctive-token_Vb3Nm8Kj1Hg6";

        string output, error;
        using (var bot = WatchbotProcess.Start(["run", "--db", Db], Environment(wrong)))
        {
            var reported = await bot.WaitForOutputAsync("Discord transport stopped", 1, Patience, inErrors: true);
            await Task.Delay(500);
            bot.Kill();
            (output, error) = (bot.Output, bot.Error);
            Assert.True(reported, error);
        }

        Assert.Contains("Watchbot__Discord__Token", error, StringComparison.Ordinal);
        Assert.Equal(1, WatchbotProcess.Count(error, "Discord transport stopped"));
        Assert.All(fake.Requests, r => Assert.Equal(401, r.Status));
        AssertNowhere(wrong, output, error);
    }

    /// <summary>The token, or its secret last part alone, is in none of what the program left.</summary>
    private void AssertNowhere(string token, string output, string error)
    {
        var secretPart = token[(token.LastIndexOf('.') + 1)..];
        var places = SecretSearch.Places(Db,
            ("standard output", output),
            ("standard error", error),
            ("requests to Discord", string.Join("\n", fake.Requests.Select(r => r.Method + " " + r.Path + " " + r.Body?.ToJsonString()))),
            ("answers to interactions", string.Join("\n", fake.Interactions.Values.Select(a => a.FinalText))));

        Assert.Contains("Watchbot.Discord", error, StringComparison.Ordinal);
        SecretSearch.AssertNowhere(places, token, secretPart);
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
