using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Commands;
using Watchbot.Core.Commands.Handlers;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;
using Watchbot.Discord;
using Watchbot.Discord.Gateway;
using Watchbot.Discord.Interactions;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Benchmarks;

/// <summary>One digest to 2,000 channels through the real outbox, delivery service and Discord sender, against the
/// fake Discord enforcing 50 requests a second globally and 5 per 5 seconds per channel. Halfway through, a person
/// sends /topics over the gateway: the real gateway client, interaction handler and command router (reading the same
/// SQLite store) must answer it within 2 s while the fan-out keeps at least 97% of the limit.</summary>
public sealed class DiscordDeliveryBenchmark : IBenchmark
{
    private const int Channels = 2000;
    private const int GlobalLimit = 50;

    public string Name => "discord";

    public string Target => $"one digest to {Channels} channels at >= 97% of {GlobalLimit} requests/s, no 429 in steady state, a command sent halfway answered within 2 s";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.GlobalLimit = GlobalLimit;
        var folder = Path.Combine(Path.GetTempPath(), "watchbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var store = new SqliteStore(Path.Combine(folder, "bench.db"));
            await store.MigrateAsync(cancellationToken);
            var digest = Digest();
            for (var i = 0; i < Channels; i++)
            {
                await store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("discord", (710_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)), digest), cancellationToken);
            }

            var options = new DiscordOptions { Token = fake.Token, ApplicationId = fake.ApplicationId, ApiBaseUrl = fake.ApiBaseUrl, GlobalRequestsPerSecond = GlobalLimit };
            var rest = new DiscordRestClient(Watchbot.Fakes.TestHttp.Client(), options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
            var sender = new DiscordSender(rest, new DmChannelCache(rest), new DiscordTransportState(), NullLogger<DiscordSender>.Instance);
            var delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings { Parallelism = 16, BatchSize = 200 }, TimeProvider.System, NullLogger<DeliveryService>.Instance);

            // The people's side: the real gateway client, handler and router on the same REST client and store.
            await store.Topics.UpsertAsync(new Topic("karabakh", "Nagorno-Karabakh", [], [], []), cancellationToken);
            options.GatewayUrl = fake.GatewayUrl;
            var router = new CommandRouter([new TopicsHandler(store.Topics, store.Subscriptions)], new AccessPolicy(new HashSet<string>()), store.Roles,
                TimeProvider.System, NullLogger<CommandRouter>.Instance, subscriptions: store.Subscriptions);
            var handler = new InteractionHandler(router, store.Topics, rest, options, NullLogger<InteractionHandler>.Instance);
            var gateway = new DiscordGatewayClient(options, rest, new DiscordTransportState(), handler.HandleAsync, TimeProvider.System, NullLogger<DiscordGatewayClient>.Instance);
            using var stopGateway = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = gateway.RunAsync(stopGateway.Token);
            if (!await fake.WaitUntilAsync(() => fake.LiveConnection > 0))
            {
                throw new InvalidOperationException("the gateway never connected to the fake");
            }

            var clock = Stopwatch.StartNew();
            var command = CommandHalfwayAsync(fake, cancellationToken);
            var result = await delivery.DrainAsync(sender, cancellationToken);
            clock.Stop();
            var answeredIn = await command;
            await stopGateway.CancelAsync();
            await running;

            var posts = fake.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
            var ok = posts.Where(r => r.Status == 200).ToList();
            var first = posts[0].At;
            var steady429 = posts.Count(r => r.Status == 429 && r.At > first.AddSeconds(1));
            // Steady state: after the first second's burst of GlobalLimit requests that any limiter allows.
            var steady = ok.Where(r => r.At > first.AddSeconds(1)).ToList();
            var rate = steady.Count / (ok[^1].At - first.AddSeconds(1)).TotalSeconds;
            var share = rate / GlobalLimit;
            var met = result.Sent == Channels && share >= 0.97 && steady429 == 0 && answeredIn <= TimeSpan.FromSeconds(2);
            return new BenchmarkResult(met,
            [
                ("channels delivered", $"{result.Sent} of {Channels} ({ok.Count} messages, {result.Retried} to retry, {result.Failed} failed)"),
                ("/topics sent halfway answered in", answeredIn == TimeSpan.MaxValue ? "never" : $"{answeredIn.TotalMilliseconds:0} ms"),
                ("achieved rate", $"{rate:0.0} requests/s = {share:P1} of the allowed {GlobalLimit}/s"),
                ("429 answers in steady state", steady429.ToString(CultureInfo.InvariantCulture)),
                ("429 answers in all", fake.TooManyRequests.ToString(CultureInfo.InvariantCulture)),
                ("wall time", $"{clock.Elapsed.TotalSeconds:0.0} s"),
            ]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp cleaner.
            }
        }
    }

    /// <summary>Once half the channels have their digest, a person sends /topics over the gateway; returns how long
    /// until Discord had the answer.</summary>
    private static async Task<TimeSpan> CommandHalfwayAsync(FakeDiscord fake, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 6000 && fake.Requests.Count(r => r.Method == "POST" && r.Status == 200 && r.Path.EndsWith("/messages", StringComparison.Ordinal)) < Channels / 2; i++)
        {
            await Task.Delay(20, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var id = await fake.SendCommandAsync("topics", channelId: "700000000000000999");
        for (var i = 0; i < 1000; i++)
        {
            if (fake.Interactions[id].Final is not null)
            {
                return clock.Elapsed;
            }

            await Task.Delay(5, cancellationToken);
        }

        return TimeSpan.MaxValue;
    }

    private static OutgoingMessage Digest() => new(MessageKind.Digest, "Karabakh: what changed since yesterday",
    [
        new MessageSection("Escalations", Enumerable.Range(1, 12).Select(i => new MessageItem(
            $"Shelling reported near Stepanakert and Martuni, item {i}; both sides claim the other fired first.",
            [new MessageLink("source", $"https://example.org/news/{i}")])).ToList()),
        new MessageSection("Casualties", [MessageItem.Plain("Artsakh military deaths: 104 (was 59 on 28 Sep)")]),
    ], "Watchbot daily digest · /digest karabakh off to stop");
}
