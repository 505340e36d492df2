using Watchbot.Core.Stores;
using Watchbot.Host.Cli;

namespace Watchbot.Host.Tests.Discord;

/// <summary>How `watchbot status` words the Discord gateway's heartbeat (the running bot is in DiscordEndToEndTests).</summary>
public sealed class DiscordStatusTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void A_gateway_marked_not_connected_is_not_alive_and_says_for_how_long()
    {
        var beats = new[]
        {
            new JobCursor(Heartbeat.Prefix + "delivery.discord", Now.ToUnixTimeSeconds() - 5, Now),
            new JobCursor(Heartbeat.Prefix + "discord.gateway", Heartbeat.NotConnected, Now.AddMinutes(-3)),
        };

        var (lines, alive) = StatusVerb.Describe(beats, Now);

        Assert.False(alive);
        Assert.Equal(["delivery.discord: alive (last seen 5 s ago)", "discord.gateway: NOT alive (not connected for 3 min)"], lines);
    }

    [Fact]
    public void A_gateway_acknowledged_within_two_minutes_is_alive()
    {
        var beats = new[] { new JobCursor(Heartbeat.Prefix + "discord.gateway", Now.ToUnixTimeSeconds() - 41, Now) };

        var (lines, alive) = StatusVerb.Describe(beats, Now);

        Assert.True(alive);
        Assert.Equal(["discord.gateway: alive (last seen 41 s ago)"], lines);
    }
}
