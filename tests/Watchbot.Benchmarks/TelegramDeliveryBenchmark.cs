using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Telegram;
using Watchbot.Storage;
using Watchbot.Telegram;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Sending;

namespace Watchbot.Benchmarks;

/// <summary>One digest to 3,000 Telegram chats through the real DeliveryService, SQLite outbox and TelegramSender,
/// against the fake Bot API enforcing 30 messages a second with 429s.</summary>
public sealed class TelegramDeliveryBenchmark : IBenchmark
{
    private const int Chats = 3000;
    private const int Limit = 30;

    public string Name => "telegram";

    public string Target => $"one digest to {Chats} chats at >= 95% of the fake's {Limit} messages/s, with no 429 in steady state";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "watchbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var fake = await FakeBotApiServer.StartAsync();
            fake.GlobalLimitPerSecond = Limit;
            var store = new SqliteStore(Path.Combine(folder, "bench.db"));
            await store.MigrateAsync(cancellationToken);
            var digest = Digest();
            for (var i = 0; i < Chats; i++)
            {
                await store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("telegram", (100_000 + i).ToString(CultureInfo.InvariantCulture)), digest), cancellationToken);
            }

            var options = new TelegramOptions { Token = fake.Token, ApiBaseUrl = fake.BaseUrl, GlobalPerSecond = Limit };
            var sender = new TelegramSender(new BotApi(BotApi.CreateClient(options), options), new TelegramRateLimiter(options, TimeProvider.System), options, TimeProvider.System, NullLogger<TelegramSender>.Instance);
            var delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings { Parallelism = 8 }, TimeProvider.System, NullLogger<DeliveryService>.Instance);

            var clock = Stopwatch.StartNew();
            var sent = 0;
            for (var round = 0; round < 1000 && sent < Chats; round++)
            {
                sent += (await delivery.DrainAsync(sender, cancellationToken)).Sent;
                if (sent < Chats)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }

            clock.Stop();
            var rate = fake.Sent.Count / clock.Elapsed.TotalSeconds;
            var steady = fake.Sent.Skip(Limit).ToList();
            var tooMany = fake.TooManyRequestsAnswered;
            var met = fake.Sent.Count == Chats && rate >= 0.95 * Limit && tooMany == 0;
            return new BenchmarkResult(met,
            [
                ("chats delivered", $"{fake.Sent.Count} of {Chats} ({steady.Count} after the first second)"),
                ("elapsed", $"{clock.Elapsed.TotalSeconds:0.0} s"),
                ("achieved rate", $"{rate:0.00} messages/s ({rate / Limit:P1} of {Limit}/s)"),
                ("429 answers", tooMany.ToString(CultureInfo.InvariantCulture)),
                ("message size", $"{fake.Sent.First().Text.Length} characters"),
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
                // The temp cleaner takes the rest.
            }
        }
    }

    private static OutgoingMessage Digest() => new(MessageKind.Digest, "Karabakh digest, 4 Oct",
    [
        new MessageSection("Escalations",
        [
            new MessageItem("Stepanakert: rocket fire struck residential streets; at least 2 civilians were hurt (claimed by Artsakh)", [new MessageLink("source", "https://example.org/1")]),
            new MessageItem("Ganja: shelling hit the city centre & a market (claimed by Azerbaijan)", [new MessageLink("source", "https://example.org/2")]),
        ]),
        new MessageSection("Casualties", [MessageItem.Plain("Artsakh military deaths: 104 (was 59 on 28 Sep)")]),
    ], "Send /digest off to stop these.");
}
