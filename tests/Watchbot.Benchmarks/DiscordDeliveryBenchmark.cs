using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;
using Watchbot.Storage;

namespace Watchbot.Benchmarks;

/// <summary>One digest to 2,000 channels through the real outbox, delivery service and Discord sender, against the
/// fake Discord enforcing 50 requests a second globally and 5 per 5 seconds per channel.</summary>
public sealed class DiscordDeliveryBenchmark : IBenchmark
{
    private const int Channels = 2000;
    private const int GlobalLimit = 50;

    public string Name => "discord";

    public string Target => $"one digest to {Channels} channels at >= 95% of {GlobalLimit} requests/s, no 429 in steady state";

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
            var rest = new DiscordRestClient(DiscordServiceCollectionExtensions.CreateHttpClient(), options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
            var sender = new DiscordSender(rest, new DmChannelCache(rest), new DiscordTransportState(), NullLogger<DiscordSender>.Instance);
            var delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings { Parallelism = 16, BatchSize = 200 }, TimeProvider.System, NullLogger<DeliveryService>.Instance);

            var clock = Stopwatch.StartNew();
            var result = await delivery.DrainAsync(sender, cancellationToken);
            clock.Stop();

            var posts = fake.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
            var ok = posts.Where(r => r.Status == 200).ToList();
            var first = posts[0].At;
            var steady429 = posts.Count(r => r.Status == 429 && r.At > first.AddSeconds(1));
            // Steady state: after the first second's burst of GlobalLimit requests that any limiter allows.
            var steady = ok.Where(r => r.At > first.AddSeconds(1)).ToList();
            var rate = steady.Count / (ok[^1].At - first.AddSeconds(1)).TotalSeconds;
            var share = rate / GlobalLimit;
            var met = result.Sent == Channels && share >= 0.95 && steady429 == 0;
            return new BenchmarkResult(met,
            [
                ("channels delivered", $"{result.Sent} of {Channels} ({ok.Count} messages, {result.Retried} to retry, {result.Failed} failed)"),
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

    private static OutgoingMessage Digest() => new(MessageKind.Digest, "Karabakh: what changed since yesterday",
    [
        new MessageSection("Escalations", Enumerable.Range(1, 12).Select(i => new MessageItem(
            $"Shelling reported near Stepanakert and Martuni, item {i}; both sides claim the other fired first.",
            [new MessageLink("source", $"https://example.org/news/{i}")])).ToList()),
        new MessageSection("Casualties", [MessageItem.Plain("Artsakh military deaths: 104 (was 59 on 28 Sep)")]),
    ], "Watchbot daily digest · /digest karabakh off to stop");
}
