using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Alerts;
using Watchbot.Core.Delivery;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Support;

/// <summary>A migrated SQLite store in a temp folder, a settable clock, and the Core services over them.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public StoreFixture()
    {
        Store = new SqliteStore(temp.File("watchbot.db"), Clock);
        Store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        Store.Topics.UpsertAsync(new Topic("karabakh", "The war", [new TopicPlace("Stepanakert", ["Khankendi"])], ["Armenia", "Azerbaijan"], []), CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2020, 10, 4, 7, 0, 0, TimeSpan.Zero));

    public SqliteStore Store { get; }

    public string Path => Store.Path;

    public DigestSettings DigestSettings { get; set; } = new();

    public DeliverySettings DeliverySettings { get; set; } = new() { RetryBase = TimeSpan.FromSeconds(1) };

    public DigestService Digests => new(Store.Events, Store.Subscriptions, Store.Outbox, DigestSettings, NullLogger<DigestService>.Instance);

    public AlertService Alerts => new(Store.Events, Store.Subscriptions, Store.Outbox, Store.Cursors, Store.ChatSettings, NullLogger<AlertService>.Instance);

    public DeliveryService Delivery => new(Store.Outbox, Store.Subscriptions, DeliverySettings, Clock, NullLogger<DeliveryService>.Instance);

    public Task<WatchEvent> AddEventAsync(string summary, EventKind kind = EventKind.Escalation, int severity = 3, string topic = "karabakh") =>
        Store.Events.AddAsync(new EventDraft
        {
            Kind = kind,
            Date = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime),
            Summary = summary,
            Topics = [topic],
            Severity = severity,
        }, CancellationToken.None);

    public async Task<Subscription> SubscribeAsync(string chatId, Func<Subscription, Subscription>? change = null)
    {
        var subscription = new Subscription { Chat = new ChatAddress("test", chatId), Topic = "karabakh", CreatedAt = Clock.GetUtcNow() };
        var (stored, _) = await Store.Subscriptions.AddAsync(change?.Invoke(subscription) ?? subscription, CancellationToken.None);
        return stored;
    }

    public void Dispose() => temp.Dispose();
}
