using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Configuration;
using Watchbot.Host.Delivery;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// The real delivery path to Discord (DeliveryWorker, DeliveryService, the SQLite outbox, DiscordSender and its REST
/// client with its rate-limit buckets) against the fake Discord failing a share of the posted messages at random: 500,
/// 502, hangs until the client's timeout, connection resets and 429 with retry_after, some hangs and resets after the
/// message was posted (its answer lost). The fake also keeps Discord's 5 messages per 5 s per channel.
/// CI: 120 messages over 12 channels, a share of 0.2. The long run:
/// WATCHBOT_DISCORD_FAULT_MESSAGES=1000 WATCHBOT_DISCORD_FAULT_CHANNELS=40 WATCHBOT_DISCORD_FAULT_SHARE=0.3 dotnet test --filter DiscordFaultTests
/// </summary>
public sealed partial class DiscordFaultTests(ITestOutputHelper log)
{
    private const long FirstChannel = 720_000_000_000_000_000L;

    private static int Messages => RunSettings.Int("WATCHBOT_DISCORD_FAULT_MESSAGES", 120);

    private static int Channels => RunSettings.Int("WATCHBOT_DISCORD_FAULT_CHANNELS", 12);

    private static int Seed => RunSettings.Int("WATCHBOT_DISCORD_FAULT_SEED", 20201004);

    private static double Share => RunSettings.Share("WATCHBOT_DISCORD_FAULT_SHARE", 0.2);

    [Fact]
    public async Task Every_queued_message_arrives_in_order_within_its_channel_while_Discord_fails_at_random()
    {
        using var temp = new TempFolder();
        await using var fake = await FakeDiscord.StartAsync();
        var profile = new FakeFaultProfile(Seed, Share);
        fake.Faults = profile;
        var store = new SqliteStore(temp.File("faults.db"));
        await store.MigrateAsync(CancellationToken.None);
        for (var i = 0; i < Messages; i++)
        {
            var channel = FirstChannel + i % Channels;
            await store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress(DiscordSender.PlatformName, channel.ToString(CultureInfo.InvariantCulture)),
                OutgoingMessage.Reply($"Message {i / Channels} of chat {channel}: shelling reported near Stepanakert overnight.")), CancellationToken.None);
        }

        var options = new DiscordOptions
        {
            Token = fake.Token, ApplicationId = fake.ApplicationId, ApiBaseUrl = fake.ApiBaseUrl,
            RequestTimeout = TimeSpan.FromSeconds(3), RetryBase = TimeSpan.FromMilliseconds(200),
        };
        var rest = new DiscordRestClient(Watchbot.Fakes.TestHttp.Client(), options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        var sender = new DiscordSender(rest, new DmChannelCache(rest), new DiscordTransportState(), NullLogger<DiscordSender>.Instance);
        var delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings { Parallelism = 8, RetryBase = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, NullLogger<DeliveryService>.Instance);
        var watchbot = new WatchbotOptions { Schedule = { DeliveryInterval = TimeSpan.FromMilliseconds(100) } };
        using var worker = new DeliveryWorker([sender], delivery, watchbot, store, NullLogger<DeliveryWorker>.Instance);

        var clock = Stopwatch.StartNew();
        await worker.StartAsync(CancellationToken.None);
        var settled = await WaitAsync(() => DbProbe.ScalarAsync(store.Path, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"), TimeSpan.FromSeconds(120) + TimeSpan.FromMilliseconds(200) * Messages);
        await worker.StopAsync(CancellationToken.None);

        var perChannel = fake.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Status == 200 && !r.Repeat)
            .Select(r => Tag().Match(r.Body!.ToJsonString()))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[2].Value)
            .ToDictionary(g => g.Key, g => g.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList());
        var repeats = perChannel.Values.Sum(v => v.Count - v.Distinct().Count());
        var givenUp = await DbProbe.ScalarAsync(store.Path, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'");
        log.WriteLine($"{Messages} messages over {Channels} channels, share {Share:0.00}, seed {Seed}: {profile.Calls} posts, {profile.TotalInjected} faults " +
            $"({profile.Describe()}); {perChannel.Values.Sum(v => v.Distinct().Count())} delivered, {repeats} repeats, {givenUp} given up, {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(settled, "the outbox still held pending messages when the time was up");
        Assert.True(profile.TotalInjected > 0, "the fake injected no fault");
        Assert.Equal(0, givenUp);
        Assert.Equal(Channels, perChannel.Count);
        Assert.All(perChannel.Values, arrived => Assert.Equal(Enumerable.Range(0, arrived.Distinct().Count()), arrived.Where((n, i) => i == 0 || arrived[i - 1] != n)));
        Assert.Equal(Messages, perChannel.Values.Sum(v => v.Distinct().Count()));
        // Every post carries its outbox id as an enforced nonce: a post retried after its answer was lost (within
        // Discord's few minutes) returns the message it made, and nothing is posted twice.
        Assert.Equal(0, repeats);
    }

    private static async Task<bool> WaitAsync(Func<Task<long>> pending, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (await pending() == 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [GeneratedRegex(@"Message (\d+) of chat (\d+)")]
    private static partial Regex Tag();
}
