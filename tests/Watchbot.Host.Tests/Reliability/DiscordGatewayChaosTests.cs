using Microsoft.Extensions.DependencyInjection;
using Watchbot.Discord.Gateway;
using Watchbot.Fakes.Discord;
using Watchbot.Host.Tests.Platforms;
using Watchbot.Host.Tests.Support;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// The real host receives a stream of slash commands while the fake gateway, at random (seeded), drops the socket,
/// sends op 7, op 9 resumable and not, and stops acknowledging heartbeats. Every interaction is answered, and none
/// twice (Discord would answer a second callback 40060; the fake counts them). 150 interactions in CI;
/// WATCHBOT_GATEWAY_CHAOS_INTERACTIONS=2000 (and WATCHBOT_GATEWAY_CHAOS_SEED) for the long run.
/// </summary>
public sealed class DiscordGatewayChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static int Interactions => int.TryParse(Environment.GetEnvironmentVariable("WATCHBOT_GATEWAY_CHAOS_INTERACTIONS"), out var n) && n > 0 ? n : 150;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("WATCHBOT_GATEWAY_CHAOS_SEED"), out var n) ? n : 20201004;

    private enum Fault { Drop, Reconnect, InvalidResumable, InvalidNotResumable, StopAcking }

    private readonly TempFolder temp = new();
    private DiscordCase discord = null!;

    private FakeDiscord Fake => discord.Fake;

    public async Task InitializeAsync()
    {
        discord = await DiscordCase.StartAsync();
        // The chaos loses sessions dozens of times (op 9, not resumable): Discord's 5 s identify window would make
        // each wait. The fake keeps a 40 ms window and the bot is given IdentifySpacing 50 ms, so a faster identify is still refused.
        Fake.IdentifyWindow = TimeSpan.FromMilliseconds(40);
        await discord.StartHostAsync(temp.File("chaos.db"), new()
        {
            ["Watchbot:Discord:ReconnectMaxDelay"] = "00:00:00.400",
            ["Watchbot:Discord:IdentifySpacing"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        await discord.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task No_interaction_is_lost_or_answered_twice_while_the_gateway_misbehaves_at_random()
    {
        var random = new Random(Seed);
        var gateway = discord.Host.Services.GetRequiredService<DiscordGatewayClient>();
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Connected), "never connected");
        var faults = Enum.GetValues<Fault>().ToDictionary(f => f, _ => 0);
        var ids = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connectionAtLastFault = 0;

        for (var i = 0; i < Interactions; i++)
        {
            var user = (500_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var channel = (700_000_000_000_000_000L + (i % 50)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids.Add(await Fake.SendCommandAsync(i % 3 == 0 ? "latest" : "topics", channelId: channel, userId: user));
            if (random.NextDouble() < 0.1)
            {
                // A fault only means something on a live connection: wait until the last fault has cost its connection
                // (a zombie is noticed only after a missed ACK) and a new one is up. Interactions keep coming meanwhile.
                Assert.True(await Fake.WaitUntilAsync(() => Fake.LiveConnection > connectionAtLastFault && Fake.Connected, TimeSpan.FromSeconds(20)),
                    "the gateway never came back");
                connectionAtLastFault = Fake.LiveConnection;
                var fault = (Fault)random.Next(5);
                faults[fault]++;
                switch (fault)
                {
                    case Fault.Drop:
                        await Fake.DropAsync();
                        break;
                    case Fault.Reconnect:
                        await Fake.SendReconnectAsync();
                        break;
                    case Fault.InvalidResumable:
                        await Fake.SendInvalidSessionAsync(resumable: true);
                        break;
                    case Fault.InvalidNotResumable:
                        // A new session loses what the old one had not sent, as on Discord: send nothing until it is back.
                        var identifies = Fake.Identifies;
                        await Fake.SendInvalidSessionAsync(resumable: false);
                        var live = Fake.LiveConnection;
                        Assert.True(await Fake.WaitUntilAsync(() => Fake.Identifies > identifies && Fake.LiveConnection > live && Fake.Connected, TimeSpan.FromSeconds(20)),
                            "no new session");
                        break;
                    case Fault.StopAcking:
                        Fake.StopAcknowledgingThisConnection();
                        break;
                }
            }

            await Task.Delay(random.Next(0, 40));
        }

        var answered = await Fake.WaitUntilAsync(() => ids.All(id => Fake.Interactions[id].Final is not null), TimeSpan.FromSeconds(60));
        clock.Stop();
        var missing = ids.Where(id => Fake.Interactions[id].Final is null).ToList();
        var twice = ids.Where(id => Fake.Interactions[id].Callbacks.Count != 1).ToList();
        var ends = gateway.Ends.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"seed {Seed}: {ids.Count} interactions in {clock.Elapsed.TotalSeconds:0.0} s; faults {string.Join(", ", faults.Select(f => $"{f.Key} {f.Value}"))}; "
            + $"connections {Fake.Connections}, identifies {Fake.Identifies}, resumes {Fake.Resumes}, events replayed {Fake.Replayed}, "
            + $"duplicates dropped by the bot {gateway.DuplicateInteractions}, second callbacks {Fake.DuplicateCallbacks}; "
            + $"ends {string.Join(", ", ends.Select(e => $"{e.Key} {e.Value}"))}; unanswered {missing.Count}, not answered exactly once {twice.Count}");

        Assert.True(answered, $"{missing.Count} interactions never answered: {string.Join(", ", missing.Take(10))}");
        Assert.Empty(twice);
        Assert.Equal(0, Fake.DuplicateCallbacks);
        // Every new session after op 9 (not resumable) kept the identify window and the session start limit.
        Assert.Equal((0, 0), (Fake.IdentifyLimits.TooFast, Fake.IdentifyLimits.OverTheDailyLimit));
        Assert.True(faults.Values.Sum() >= Math.Min(5, Interactions / 30), "too few faults to prove anything");
        Assert.True(Fake.Resumes >= 1);
        // Every fault cost its connection (a late ACK on a busy machine may turn one into a zombie first, so kinds can trade).
        Assert.True(ends.Values.Sum() >= faults.Values.Sum(), $"{faults.Values.Sum()} faults but {ends.Values.Sum()} connections ended");
        Assert.True(faults[Fault.StopAcking] == 0 || ends.GetValueOrDefault(ConnectionEndKind.Zombie) >= 1, "no zombie was noticed");
    }
}
