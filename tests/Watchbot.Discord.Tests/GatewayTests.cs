using System.Collections.Concurrent;
using Watchbot.Discord.Gateway;
using Watchbot.Discord.Payloads;
using Watchbot.Fakes.Discord;

namespace Watchbot.Discord.Tests;

public sealed class GatewayTests : GatewayHarness
{
    [Fact]
    public async Task It_identifies_with_the_guilds_intent_only_and_its_shard()
    {
        await StartAsync(o => { o.ShardId = 1; o.ShardCount = 2; });

        Assert.Equal(1, (int)fake.LastIdentify!["intents"]!);
        Assert.Equal("[1,2]", fake.LastIdentify!["shard"]!.ToJsonString());
        Assert.Contains("v=10&encoding=json", fake.GatewayPaths[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_heartbeats_at_the_interval_Hello_gave()
    {
        await StartAsync();

        Assert.True(await fake.WaitUntilAsync(() => fake.Heartbeats >= 3));
    }

    [Fact]
    public async Task A_dropped_socket_is_resumed_on_the_resume_url_and_missed_events_arrive()
    {
        await StartAsync();
        await fake.DropAsync();
        await fake.SendCommandAsync("topics");

        Assert.True(await fake.WaitUntilAsync(() => received.Count == 1));
        Assert.Equal(1, fake.Identifies);
        Assert.True(fake.Resumes >= 1);
        Assert.StartsWith("/gateway-resume", fake.GatewayPaths[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Op_7_reconnects_and_resumes()
    {
        await StartAsync();
        await fake.SendReconnectAsync();

        Assert.True(await fake.WaitUntilAsync(() => fake.Resumes == 1 && fake.Connected));
        Assert.Equal(1, fake.Identifies);
    }

    [Fact]
    public async Task Op_9_that_cannot_be_resumed_identifies_again()
    {
        await StartAsync();
        var first = gateway.Session.SessionId;
        await fake.SendInvalidSessionAsync(resumable: false);

        Assert.True(await fake.WaitUntilAsync(() => fake.Identifies == 2 && gateway.Session.SessionId is not null && gateway.Session.SessionId != first));
        Assert.Equal(0, fake.Resumes);
    }

    [Fact]
    public async Task Op_9_that_can_be_resumed_resumes()
    {
        await StartAsync();
        await fake.SendInvalidSessionAsync(resumable: true);

        Assert.True(await fake.WaitUntilAsync(() => fake.Resumes == 1));
        Assert.Equal(1, fake.Identifies);
    }

    [Fact]
    public async Task A_missing_heartbeat_ACK_is_a_zombie_connection_that_is_closed_and_resumed()
    {
        await StartAsync();
        fake.AcknowledgeHeartbeats = false;
        Assert.True(await fake.WaitUntilAsync(() => gateway.Ends.Any(e => e.Kind == ConnectionEndKind.Zombie)));
        fake.AcknowledgeHeartbeats = true;

        Assert.True(await fake.WaitUntilAsync(() => fake.Resumes >= 1));
        Assert.Equal(1, fake.Identifies);
    }

    [Fact]
    public async Task A_connection_that_stops_getting_ACKs_is_abandoned_and_resumed_and_no_interaction_is_lost()
    {
        await StartAsync();
        fake.StopAcknowledgingThisConnection();
        var during = await fake.SendCommandAsync("topics");

        Assert.True(await fake.WaitUntilAsync(() => gateway.Ends.Any(e => e.Kind == ConnectionEndKind.Zombie)), "the zombie was never noticed");
        Assert.True(await fake.WaitUntilAsync(() => fake.Resumes >= 1 && fake.Connected));
        var after = await fake.SendCommandAsync("topics");

        Assert.True(await fake.WaitUntilAsync(() => received.Count == 2), $"got {received.Count} interactions");
        Assert.Equal([during, after], received.Select(i => i.Id));
        Assert.Equal(1, fake.Identifies);
        Assert.Contains(log.Lines, l => l.Contains("zombie", StringComparison.Ordinal));
        // The new connection is acknowledged again and stays up.
        var heartbeats = fake.Heartbeats;
        Assert.True(await fake.WaitUntilAsync(() => fake.Heartbeats >= heartbeats + 3));
        Assert.Single(gateway.Ends, e => e.Kind == ConnectionEndKind.Zombie);
    }

    [Fact]
    public async Task An_interaction_delivered_twice_is_handled_once()
    {
        await StartAsync();
        var interaction = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "1300000000000000001", ["application_id"] = fake.ApplicationId, ["type"] = 2, ["token"] = "token-1300000000000000001",
            ["channel_id"] = "700000000000000001", ["guild_id"] = "600000000000000001",
            ["member"] = new System.Text.Json.Nodes.JsonObject { ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "5" }, ["permissions"] = "0" },
            ["data"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "1", ["name"] = "topics", ["type"] = 1 },
        };

        await fake.DispatchAsync("INTERACTION_CREATE", interaction);
        await fake.DispatchAsync("INTERACTION_CREATE", interaction);

        Assert.True(await fake.WaitUntilAsync(() => gateway.DuplicateInteractions == 1));
        Assert.Single(received);
    }

    [Fact]
    public async Task Identify_waits_for_the_session_start_limit_to_reset_when_none_remain()
    {
        fake.SessionStartRemaining = 0;
        fake.SessionStartResetAfterMs = 800;
        fake.MaxConcurrency = 1;
        var started = DateTimeOffset.UtcNow;

        await StartAsync();

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(750), "identified before reset_after");
        Assert.Contains(fake.Requests, r => r.Method == "GET" && r.Path == "gateway/bot");
        Assert.Contains(log.Lines, l => l.Contains("session start limit", StringComparison.Ordinal));
        // Asked again after the wait: the session starts were back.
        Assert.Equal((1000, 1), (gateway.SessionStartLimit!.Remaining, gateway.SessionStartLimit.MaxConcurrency));
        Assert.Equal(0, fake.IdentifyLimits.OverTheDailyLimit);
    }

    [Fact]
    public async Task Identifies_are_spaced_by_the_identify_spacing()
    {
        fake.IdentifyWindow = TimeSpan.FromMilliseconds(700);
        await StartAsync(o => o.IdentifySpacing = TimeSpan.FromMilliseconds(700));
        var first = DateTimeOffset.UtcNow;
        await fake.SendInvalidSessionAsync(resumable: false);

        Assert.True(await fake.WaitUntilAsync(() => fake.Identifies >= 2 && gateway.Session.SessionId is not null),
            $"{fake.Identifies} identifies, {fake.IdentifyLimits.TooFast} refused as too fast");
        Assert.True(DateTimeOffset.UtcNow - first >= TimeSpan.FromMilliseconds(600));
        Assert.Equal(0, fake.IdentifyLimits.TooFast);
    }

    [Fact]
    public async Task With_Discords_five_second_window_a_new_session_waits_for_it_and_is_not_refused()
    {
        fake.IdentifyWindow = TimeSpan.FromSeconds(5);
        await StartAsync(o => o.IdentifySpacing = TimeSpan.FromSeconds(5));
        var first = DateTimeOffset.UtcNow;
        await fake.SendInvalidSessionAsync(resumable: false);

        Assert.True(await fake.WaitUntilAsync(() => fake.Identifies >= 2 && gateway.Session.SessionId is not null));
        Assert.True(DateTimeOffset.UtcNow - first >= TimeSpan.FromSeconds(4.9));
        Assert.Equal(0, fake.IdentifyLimits.TooFast);
    }

    [Fact]
    public async Task After_waiting_out_reset_after_the_client_asks_again_and_never_identifies_while_none_remain()
    {
        // Discord still says none remain when the first reset_after is over (another start took the reset, or the
        // reset moved): an Identify then would get the bot token reset.
        fake.SessionStartRemaining = 0;
        fake.SessionStartResetAfterMs = 300;
        var moved = Task.Run(async () =>
        {
            await Task.Delay(150);
            fake.SessionStartResetAfterMs = 900;
        });

        await StartAsync();
        await moved;

        Assert.Equal(0, fake.IdentifyLimits.OverTheDailyLimit);
        Assert.Null(state.StoppedReason);
        Assert.Equal(1, fake.Identifies);
        Assert.True(fake.Requests.Count(r => r.Path == "gateway/bot") >= 3, "asked GET /gateway/bot again after each wait");
        Assert.Single(log.Lines, l => l.Contains("session start limit is used up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_send_limiter_lets_through_its_limit_in_a_minute_and_holds_the_next()
    {
        var limiter = new SendRateLimiter(10, TimeProvider.System);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully, $"send {i + 1} was held");
        }

        var eleventh = limiter.WaitAsync(stop.Token);
        await Task.Delay(300);
        Assert.False(eleventh.IsCompleted);

        // A heartbeat is not held behind ordinary events: it may use the headroom up to Discord's 120.
        Assert.True(limiter.WaitAsync(CancellationToken.None, priority: true).IsCompletedSuccessfully);
        for (var i = limiter.InWindow; i < SendRateLimiter.DiscordLimit; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None, priority: true).IsCompletedSuccessfully);
        }

        var over = limiter.WaitAsync(stop.Token, priority: true);
        await Task.Delay(300);
        Assert.False(over.IsCompleted);
        Assert.Equal(SendRateLimiter.DiscordLimit, limiter.InWindow);
    }

    [Theory]
    [InlineData(121, false)]
    [InlineData(120, true)]
    [InlineData(110, true)]
    public void Gateway_sends_are_configured_under_discords_120_a_minute(int perMinute, bool valid)
    {
        var problems = DiscordOptionsValidator.Problems(new DiscordOptions { Token = "t", ApplicationId = "1", GatewaySendsPerMinute = perMinute });

        Assert.Equal(valid, !problems.Any(p => p.Contains("GatewaySendsPerMinute", StringComparison.Ordinal)));
        Assert.Equal(110, new DiscordOptions().GatewaySendsPerMinute);
    }

    [Fact]
    public async Task Op_1_from_Discord_is_answered_with_a_heartbeat_at_once()
    {
        fake.HeartbeatIntervalMs = 600_000;
        await StartAsync();
        var before = fake.Heartbeats;

        await fake.SendHeartbeatRequestAsync();

        Assert.True(await fake.WaitUntilAsync(() => fake.Heartbeats == before + 1, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task A_fatal_close_code_stops_the_transport_with_one_clear_line(int code)
    {
        fake.CloseOnIdentify = code;
        var options = Fixture.Options(fake);
        gateway = new DiscordGatewayClient(options, Fixture.Rest(options), state, (_, _) => Task.CompletedTask, TimeProvider.System, log);

        await gateway.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(state.IsStopped);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), state.StoppedReason, StringComparison.Ordinal);
        Assert.Contains(code == 4004 ? "Watchbot__Discord__Token" : "; ", state.StoppedReason, StringComparison.Ordinal); // the cause; the fix
        var line = Assert.Single(log.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains(state.StoppedReason!, line, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Token, log.All, StringComparison.Ordinal);
        Assert.Equal(1, fake.Identifies);
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void The_other_fatal_close_codes_name_a_cause_and_a_fix(int code)
    {
        var reason = GatewayCloseCodes.Fatal(code);

        Assert.NotNull(reason);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    [InlineData(4007)]
    [InlineData(4009)]
    public void Recoverable_close_codes_are_not_fatal(int code) => Assert.Null(GatewayCloseCodes.Fatal(code));

    [Fact]
    public void The_reconnect_back_off_grows_from_the_minimum_to_the_maximum_with_jitter()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1));
        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next()).ToList();

        Assert.InRange(delays[0].TotalSeconds, 0.5, 1);
        Assert.All(delays, d => Assert.InRange(d.TotalSeconds, 0.5, 60));
        Assert.InRange(delays[^1].TotalSeconds, 30, 60);
    }
}
