using System.Collections.Concurrent;
using Watchbot.Discord.Gateway;
using Watchbot.Discord.Payloads;
using Watchbot.Fakes.Discord;

namespace Watchbot.Discord.Tests;

public sealed class GatewayTests : IAsyncLifetime
{
    private FakeDiscord fake = null!;
    private readonly ConcurrentQueue<Interaction> received = new();
    private readonly ListLogger<DiscordGatewayClient> log = new();
    private readonly DiscordTransportState state = new();
    private readonly CancellationTokenSource stop = new();
    private DiscordGatewayClient gateway = null!;
    private Task running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        fake.HeartbeatIntervalMs = 100;
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        await fake.DisposeAsync();
        stop.Dispose();
    }

    private async Task StartAsync(Action<DiscordOptions>? change = null)
    {
        var options = Fixture.Options(fake);
        change?.Invoke(options);
        gateway = new DiscordGatewayClient(options, Fixture.Rest(options), state, (i, _) =>
        {
            received.Enqueue(i);
            return Task.CompletedTask;
        }, TimeProvider.System, log);
        running = gateway.RunAsync(stop.Token);
        Assert.True(await fake.WaitUntilAsync(() => gateway.Session.SessionId is not null), "never got READY");
    }

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
    public async Task Close_code_4004_stops_the_transport_with_one_clear_line()
    {
        fake.CloseOnIdentify = 4004;
        var options = Fixture.Options(fake);
        gateway = new DiscordGatewayClient(options, Fixture.Rest(options), state, (_, _) => Task.CompletedTask, TimeProvider.System, log);

        await gateway.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(state.IsStopped);
        Assert.Contains("4004", state.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("Watchbot__Discord__Token", state.StoppedReason, StringComparison.Ordinal);
        Assert.Single(log.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
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
