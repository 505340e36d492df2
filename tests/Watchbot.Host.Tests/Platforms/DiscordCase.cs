using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Discord;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Platforms;

/// <summary>Discord for the shared suites: the fake REST API and gateway, slash commands in a guild channel. Its
/// failures: a global 429, a 502, channels lost with 50001, 50013 and 10003, a user who takes no DMs (50007), an
/// expired interaction (10062), a dropped socket, a zombie connection, op 9, and a token refused with 401 and 4004.</summary>
public sealed class DiscordCase : PlatformCase
{
    private const string Distinctive = "MTA5ODc2NTQzMjEwOTg3NjU0.GsEcRt.DISTINCTIVE_discord-token_Qx7Zk2Lm9Pw4";
    private const string Channel = "700000000000000042";
    private const string Good = "700000000000000101", NoAccess = "700000000000000102", NoPermission = "700000000000000103", Deleted = "700000000000000104";
    private const string Admin = "500000000000000105", NoDms = "500000000000000106", Member = "500000000000000107";

    private DiscordCase(FakeDiscord fake) => Fake = fake;

    public FakeDiscord Fake { get; }

    protected override string Section => "Discord";

    public override string Token => Distinctive;

    public override string RefusedToken => "OTg3NjU0MzIxMDk4NzY1NDMy.GwRoNg.ANOTHER_distinctive-token_Vb3Nm8Kj1Hg6";

    public override string TraceCategory => "Watchbot.Discord";

    public static async Task<DiscordCase> StartAsync()
    {
        var fake = await FakeDiscord.StartAsync(Distinctive);
        fake.HeartbeatIntervalMs = 200;
        // Some runs lose the session and identify again; Discord's 5 s identify window would make each wait.
        // The bot is given IdentifySpacing 10 ms, above this window, so a faster identify is still refused.
        fake.IdentifyWindow = TimeSpan.FromMilliseconds(8);
        return new DiscordCase(fake);
    }

    /// <summary>After the last dot: the HMAC part, secret without the rest.</summary>
    public override string SecretPart(string token) => token[(token.LastIndexOf('.') + 1)..];

    public override Dictionary<string, string?> Settings() => new()
    {
        ["Watchbot:Web:Enabled"] = "false", // tests run side by side: none of them claims the page's port
        ["Watchbot:Discord:Token"] = Fake.Token,
        ["Watchbot:Discord:ApplicationId"] = Fake.ApplicationId,
        ["Watchbot:Discord:ApiBaseUrl"] = Fake.ApiBaseUrl,
        ["Watchbot:Discord:GatewayUrl"] = Fake.GatewayUrl,
        ["Watchbot:Discord:ReconnectMinDelay"] = "00:00:00.050",
        ["Watchbot:Discord:ReconnectMaxDelay"] = "00:00:00.500",
        ["Watchbot:Discord:IdentifySpacing"] = "00:00:00.010",
        ["Watchbot:Discord:RetryBase"] = "00:00:00.050",
        ["Watchbot:Schedule:DeliveryInterval"] = "00:00:00.100",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>A child process logging every line is slower: longer delays, and an identify window (80 ms) to match the
    /// spacing of 100 ms, so a faster identify is still refused.</summary>
    protected override void ForSecrecy(Dictionary<string, string?> settings)
    {
        settings["Watchbot:Discord:ReconnectMinDelay"] = "00:00:00.100";
        settings["Watchbot:Discord:IdentifySpacing"] = "00:00:00.100";
        settings["Watchbot:Discord:RetryBase"] = "00:00:00.100";
        settings["Watchbot:Schedule:DeliveryInterval"] = "00:00:00.200";
        Fake.IdentifyWindow = TimeSpan.FromMilliseconds(80);
    }

    public override void ArrangeEveryFailure()
    {
        Fake.HeartbeatIntervalMs = 300;
        Fake.RateLimitNext(1, retryAfterSeconds: 0.3, global: true);
        Fake.ChannelErrors[NoAccess] = 50001;
        Fake.ChannelErrors[NoPermission] = 50013;
        Fake.ChannelErrors[Deleted] = 10003;
        Fake.ChannelErrors[Fake.DmChannelOf(NoDms)] = 50007;
    }

    public override async Task<bool> WalkThroughEveryFailureAsync(WatchbotProcess bot, string db)
    {
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Connected && Fake.Heartbeats >= 1, Patience), bot.Error);
        await Fake.DropAsync();
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Resumes >= 1 && Fake.Connected, Patience), bot.Error);
        Fake.StopAcknowledgingThisConnection();
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Resumes >= 2 && Fake.Connected, Patience), bot.Error);
        await Fake.SendInvalidSessionAsync(resumable: false);
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Identifies >= 2 && Fake.Connected, Patience), bot.Error);

        var ids = new List<string>();
        foreach (var channel in new[] { Good, NoAccess, NoPermission, Deleted })
        {
            ids.Add(await Fake.SendCommandAsync("subscribe", [("topic", "karabakh")], channel, userId: Admin));
        }

        ids.Add(await Fake.SendCommandAsync("subscribe", [("topic", "karabakh")], Good, userId: NoDms, permissions: "0", inDm: true));
        Assert.True(await Fake.WaitUntilAsync(() => ids.All(id => Fake.Interactions[id].Final is not null), Patience), bot.Error);
        var expired = Fake.NewCommand("status", channelId: Good, userId: Admin);
        Fake.InteractionErrors[(string)expired["id"]!] = 10062;
        await Fake.DispatchAsync("INTERACTION_CREATE", expired);

        Fake.FailNext(1);
        foreach (var channel in new[] { Good, NoAccess, NoPermission, Deleted })
        {
            ids.Add(await Fake.SendCommandAsync("digest", [("action", "now")], channel, userId: Admin));
        }

        ids.Add(await Fake.SendCommandAsync("digest", [("action", "now")], Good, userId: NoDms, permissions: "0", inDm: true));
        // The recap on subscribing already reached Good: wait for the 502 itself and the digest after it, so the run
        // is not stopped before the failing call was made.
        var done = await Fake.WaitUntilAsync(() => Fake.Requests.Any(r => r.Status == 502) && Fake.MessagesTo(Good).Count >= 2
            && ids.All(id => Fake.Interactions[id].Final is not null), Patience);
        // The channels lost with 50001 and 10003 and the user who takes no DMs are switched off.
        var gone = done && await DbProbe.EventuallyAsync(async () => await DbProbe.ScalarAsync(db, "SELECT COUNT(*) FROM subscriptions WHERE active = 0") == 3);

        // On a loaded machine the paused channel's log line can come after the rest: wait for it before stopping.
        return gone && await bot.WaitForOutputAsync("50013", 1, Patience, inErrors: true);
    }

    public override IReadOnlyList<string> FailureReports => ["rate-limited", "50001", "50013", "10003", "50007", "10062", "zombie"];

    public override void AssertEveryFailureHappened() => Assert.Contains(Fake.Requests, r => r.Status == 502);

    /// <summary>Discord closes with 4004 (or answers 401): the transport stops once, for good, and says why.</summary>
    public override async Task<bool> RefusalReportedAsync(WatchbotProcess bot)
    {
        var reported = await bot.WaitForOutputAsync("Discord transport stopped", 1, Patience, inErrors: true);
        await Task.Delay(500);
        return reported;
    }

    public override void AssertNothingWentOutWithARefusedToken(string error)
    {
        Assert.Equal(1, WatchbotProcess.Count(error, "Discord transport stopped"));
        Assert.All(Fake.Requests, r => Assert.Equal(401, r.Status));
    }

    public override IEnumerable<(string Where, string Text)> WhatThePlatformSaw() =>
    [
        ("requests to Discord", string.Join("\n", Fake.Requests.Select(r => r.Method + " " + r.Path + " " + r.Body?.ToJsonString()))),
        ("answers to interactions", string.Join("\n", Fake.Interactions.Values.Select(a => a.FinalText))),
    ];

    public override Task<bool> ConnectedAsync() => Fake.WaitUntilAsync(() => Fake.Identifies >= 1 && Fake.Connected && Fake.Heartbeats >= 1);

    /// <summary>In a guild channel, by a member with Manage Guild (permission 32).</summary>
    public override Task<PlatformMessage> AskAsync(string command, string argument) => AnswerAsync(command, argument, "32");

    public override Task SayAsync(string command, string argument) =>
        Fake.SendCommandAsync(command, [(OptionOf(command), argument)], Channel);

    /// <summary>The channel was deleted: Discord answers 10003 Unknown Channel.</summary>
    public override void LoseTheChat() => Fake.ChannelErrors[Channel] = 10003;

    /// <summary>Answers to interactions are not limited this way, so the next call limited is the next post.</summary>
    public override void RateLimitTheNextMessage() => Fake.RateLimitNext(1, retryAfterSeconds: 0.3);

    public override int RateLimitsAnswered => Fake.Requests.Count(r => r.Status == 429 && r.Path == $"channels/{Channel}/messages");

    /// <summary>Posts to the channel (answers to interactions go back on the interaction, apart).</summary>
    public override IReadOnlyList<string> DeliveredTexts() => Fake.MessagesTo(Channel).Select(FakeInteractionAnswers.TextOf).ToList();

    private static string OptionOf(string command) => command switch
    {
        "subscribe" => "topic",
        "digest" => "action",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "no option known for this command"),
    };

    /// <summary>The same channel: a member with Manage Guild is its administrator; one with only View Channel (1024) is not.</summary>
    public override Task<PlatformMessage> AskInGroupAsync(string command, string argument, bool byAdmin) =>
        AnswerAsync(command, argument, byAdmin ? "32" : "1024", byAdmin ? Admin : Member);

    private async Task<PlatformMessage> AnswerAsync(string command, string argument, string permissions, string userId = "500000000000000001")
    {
        var id = await Fake.SendCommandAsync(command, [(OptionOf(command), argument)], Channel, userId: userId, permissions: permissions);
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Interactions[id].Final is not null), "the interaction was never answered");
        return new PlatformMessage(Fake.Interactions[id].FinalText, Fake.Interactions[id].Final!);
    }

    public override Task<IReadOnlyList<Subscription>> SubscriptionsAsync() => SubscriptionsOfAsync(Channel, null);

    public override Task<IReadOnlyList<Subscription>> GroupSubscriptionsAsync() => SubscriptionsOfAsync(Channel, null);

    public override async Task<PlatformMessage> DeliveredAsync(string text)
    {
        bool Holds(System.Text.Json.Nodes.JsonNode m) => FakeInteractionAnswers.TextOf(m).Contains(text, StringComparison.Ordinal);
        Assert.True(await Fake.WaitUntilAsync(() => Fake.MessagesTo(Channel).Any(Holds), Patience), $"No message with '{text}' reached channel {Channel}");
        var message = Assert.Single(Fake.MessagesTo(Channel), Holds);
        return new PlatformMessage(FakeInteractionAnswers.TextOf(message), message);
    }

    public override IReadOnlyList<string> RegisteredCommands() =>
        Fake.CommandRegistrations.SelectMany(r => r.AsArray()).Select(c => (string)c!["name"]!).Distinct().ToList();

    /// <summary>The commands are registered once, in one bulk overwrite.</summary>
    public override void AssertSubscribeAnswerIsNative(PlatformMessage answer) => Assert.Single(Fake.CommandRegistrations);

    /// <summary>Embeds within Discord's limits, and no mention (not even @everyone in the text) may ping anyone.</summary>
    public override void AssertDigestIsSafe(PlatformMessage digest)
    {
        Assert.Empty(FakeEmbedRules.Violations(digest.Payload));
        Assert.NotEmpty(digest.Payload["embeds"]!.AsArray());
        Assert.Empty(digest.Payload["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains("Stepanakert", digest.Text, StringComparison.Ordinal);
    }

    /// <summary>Only the member who asked sees a refusal (flag 64, ephemeral).</summary>
    public override void AssertRefusalIsNative(PlatformMessage refusal) => Assert.Equal(64, (int?)refusal.Payload["flags"]);

    protected override ValueTask DisposeFakeAsync() => Fake.DisposeAsync();
}
