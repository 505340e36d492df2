using Watchbot.Discord.Sending;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Messages;
using Watchbot.Discord.Rendering;
using Watchbot.Discord.Rest;
using Watchbot.Fakes.Discord;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

public static class Fixture
{
    public static DiscordOptions Options(FakeDiscord fake) => new()
    {
        Token = fake.Token,
        ApplicationId = fake.ApplicationId,
        ApiBaseUrl = fake.ApiBaseUrl,
        GatewayUrl = fake.GatewayUrl,
        RetryBase = TimeSpan.FromMilliseconds(10),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        // Above the 50 ms identify window GatewayHarness gives the fake (Discord's is 5 s): gateway tests identify again
        // after every op 9 and lost session, and would each wait 5 s.
        IdentifySpacing = TimeSpan.FromMilliseconds(60),
        DeferAfter = TimeSpan.FromMilliseconds(500),
    };

    public static DiscordRestClient Rest(DiscordOptions options, ListLogger<DiscordRestClient>? logger = null) =>
        new(Watchbot.Fakes.TestHttp.Client(), options, TimeProvider.System, logger ?? new ListLogger<DiscordRestClient>());

    /// <summary>A sender talking to <paramref name="fake"/> with default options, a fresh DM cache and transport state.</summary>
    public static DiscordSender Sender(FakeDiscord fake)
    {
        var rest = Rest(Options(fake));
        return new DiscordSender(rest, new DmChannelCache(rest), new DiscordTransportState(), new ListLogger<DiscordSender>());
    }

    /// <summary>The sample digest (<see cref="SampleDigest"/>) at the first length the renderer splits into exactly three
    /// messages, with the chart when one is given.</summary>
    public static OutgoingMessage ThreePartDigest(MessageImage? image = null) =>
        Enumerable.Range(20, 400).Select(n => SampleDigest.Of(n, image)).FirstOrDefault(m => EmbedRenderer.Render(m).Count == 3)
            ?? throw new InvalidOperationException("no digest size renders to three messages");
}
