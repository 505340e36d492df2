using System.Collections.Concurrent;
using Watchbot.Discord.Gateway;
using Watchbot.Discord.Payloads;
using Watchbot.Fakes.Discord;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

/// <summary>A gateway client against the fake Discord (heartbeats every 100 ms), stopped and cleaned up after each test.</summary>
public abstract class GatewayHarness : IAsyncLifetime
{
    protected FakeDiscord fake = null!;
    protected readonly ConcurrentQueue<Interaction> received = new();
    protected readonly ListLogger<DiscordGatewayClient> log = new();
    protected readonly DiscordTransportState state = new();
    protected readonly CancellationTokenSource stop = new();
    protected DiscordGatewayClient gateway = null!;
    protected Task running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        fake.HeartbeatIntervalMs = 100;
        // These tests start new sessions often (op 9, lost sessions); Discord's 5 s identify window would make each wait.
        // The client is given a spacing above this window (Fixture.Options), so the fake still refuses a faster one.
        fake.IdentifyWindow = TimeSpan.FromMilliseconds(50);
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        await fake.DisposeAsync();
        stop.Dispose();
    }

    /// <summary>Starts the client and waits for READY.</summary>
    protected async Task StartAsync(Action<DiscordOptions>? change = null)
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
}
