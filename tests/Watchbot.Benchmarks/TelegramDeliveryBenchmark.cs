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

using Watchbot.Fakes;
namespace Watchbot.Benchmarks;

/// <summary>One digest to 3,000 Telegram chats through the real DeliveryService, SQLite outbox and TelegramSender,
/// against the fake Bot API enforcing 30 messages a second with 429s. Halfway through, a reply to a person is sent
/// through the same sender and limits: it must go ahead of the bulk (answered within 2 s) while the fan-out keeps
/// at least 97% of the limit.</summary>
public sealed class TelegramDeliveryBenchmark : IBenchmark
{
    private const int Chats = 3000;
    private const int Limit = 30;

    public string Name => "telegram";

    public string Target => $"one digest to {Chats} chats at >= 97% of the fake's {Limit} messages/s, no 429 in steady state, a reply sent halfway answered within 2 s";

    private const long ReplyChat = 42;

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
            var sender = new TelegramSender(new BotApi(BotApi.CreateClient(options, Watchbot.Fakes.TestHttp.Client()), options), new TelegramRateLimiter(options, TimeProvider.System), options, TimeProvider.System, NullLogger<TelegramSender>.Instance);
            var delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings { Parallelism = 8 }, TimeProvider.System, NullLogger<DeliveryService>.Instance);

            var clock = Stopwatch.StartNew();
            var reply = ReplyHalfwayAsync(fake, sender, cancellationToken);
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
            var replyTook = await reply;
            var bulk = fake.Sent.Count(m => m.ChatId != ReplyChat);
            var rate = fake.Sent.Count / clock.Elapsed.TotalSeconds;
            var steady = fake.Sent.Skip(Limit).ToList();
            var tooMany = fake.TooManyRequestsAnswered;
            var met = bulk == Chats && rate >= 0.97 * Limit && tooMany == 0 && replyTook <= TimeSpan.FromSeconds(2);
            return new BenchmarkResult(met,
            [
                ("chats delivered", $"{bulk} of {Chats} ({steady.Count} after the first second)"),
                ("reply sent halfway answered in", $"{replyTook.TotalMilliseconds:0} ms"),
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

    /// <summary>Once half the chats have their digest, a person's reply goes out; returns how long it took.</summary>
    private static async Task<TimeSpan> ReplyHalfwayAsync(FakeBotApiServer fake, TelegramSender sender, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 6000 && fake.Sent.Count < Chats / 2; i++)
        {
            await Task.Delay(20, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var outcome = await sender.SendPartAsync(ReplyChat, TelegramSender.Html(ReplyChat, "You follow karabakh.", TelegramSender.NoPreview), TimeSpan.FromSeconds(10),
            cancellationToken, reply: true);
        return outcome.Sent is null ? TimeSpan.MaxValue : clock.Elapsed;
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
