using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Services;

public sealed class DigestServiceTests : IDisposable
{
    private readonly StoreFixture f = new();
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<IReadOnlyList<string>> DeliveredTextsAsync()
    {
        var transport = new FakeTransport();
        await f.Delivery.DrainAsync(transport, None);
        return transport.Delivered.Select(d => d.Message.ToPlainText()).ToList();
    }

    [Fact]
    public async Task A_due_digest_holds_every_matching_event_since_the_last_one()
    {
        await f.SubscribeAsync("a");
        await f.AddEventAsync("Drones struck a fuel depot");
        await f.AddEventAsync("Shelling of a border village", EventKind.Escalation, 4);
        f.Clock.Advance(TimeSpan.FromHours(1));

        var result = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var texts = await DeliveredTextsAsync();

        Assert.Equal(1, result.Queued);
        var digest = Assert.Single(texts);
        Assert.Contains("Drones struck a fuel depot", digest);
        Assert.Contains("Shelling of a border village", digest);
    }

    [Fact]
    public async Task A_digest_over_MaxEvents_holds_the_most_severe_and_says_how_many_it_left_out_and_that_latest_lists_them()
    {
        f.DigestSettings = new DigestSettings { MaxEvents = 2 };
        await f.SubscribeAsync("a");
        await f.AddEventAsync("Warning shots near the border", EventKind.Escalation, 1);
        await f.AddEventAsync("Missile strike on the city", EventKind.Escalation, 5);
        await f.AddEventAsync("Shelling of a border village", EventKind.Escalation, 4);
        await f.AddEventAsync("Drones seen over the hills", EventKind.Escalation, 2);
        f.Clock.Advance(TimeSpan.FromHours(1));

        var result = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var digest = Assert.Single(await DeliveredTextsAsync());

        Assert.Equal(2, result.Events);
        Assert.Contains("Missile strike on the city", digest);
        Assert.Contains("Shelling of a border village", digest);
        Assert.DoesNotContain("Warning shots", digest);
        Assert.DoesNotContain("Drones seen", digest);
        Assert.Contains("The 2 most severe of 4 new events", digest);
        Assert.Contains("Left out for length: 2 less severe events (severity 2 or lower); /latest karabakh 20 lists the newest events", digest);
    }

    [Fact]
    public async Task A_digest_is_composed_once_however_often_the_job_runs()
    {
        await f.SubscribeAsync("a");
        await f.AddEventAsync("Rocket fire on the city");
        f.Clock.Advance(TimeSpan.FromHours(1));

        var first = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var second = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        f.Clock.Advance(TimeSpan.FromMinutes(30));
        var third = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);

        Assert.Equal((1, 0, 0), (first.Queued, second.Due, third.Due));
        Assert.Single(await DeliveredTextsAsync());
    }

    [Fact]
    public async Task Two_runs_racing_with_the_same_view_queue_one_digest()
    {
        var subscription = await f.SubscribeAsync("a");
        await f.AddEventAsync("Rocket fire on the city");
        f.Clock.Advance(TimeSpan.FromHours(1));

        var results = await Task.WhenAll(
            f.Digests.RunNowAsync(subscription, f.Clock.GetUtcNow(), None),
            f.Digests.RunNowAsync(subscription, f.Clock.GetUtcNow(), None));

        Assert.Equal(1, results.Sum(r => r.Queued));
        Assert.Equal(1, results.Sum(r => r.Skipped));
        Assert.Single(await DeliveredTextsAsync());
    }

    [Fact]
    public async Task A_day_with_nothing_new_sends_nothing_but_counts_as_done()
    {
        var subscription = await f.SubscribeAsync("a");
        f.Clock.Advance(TimeSpan.FromHours(1));

        var result = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var after = await f.Store.Subscriptions.GetAsync(subscription.Id, None);

        Assert.Equal((1, 0, 1), (result.Due, result.Queued, result.Empty));
        Assert.Empty(await DeliveredTextsAsync());
        Assert.Equal(f.Clock.GetUtcNow(), after!.LastDigestAt);
    }

    [Fact]
    public async Task The_next_digest_holds_only_events_after_the_previous_one()
    {
        await f.SubscribeAsync("a");
        await f.AddEventAsync("First strike");
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        await f.AddEventAsync("Second strike");
        f.Clock.Advance(TimeSpan.FromDays(1));

        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var texts = await DeliveredTextsAsync();

        Assert.Equal(2, texts.Count);
        Assert.Contains("Second strike", texts[1]);
        Assert.DoesNotContain("First strike", texts[1]);
    }

    [Fact]
    public async Task A_corrected_event_comes_again_in_the_next_digest()
    {
        await f.SubscribeAsync("a");
        var e = await f.AddEventAsync("Strike on a bridge");
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);

        await f.Store.Events.ReviseAsync(e.Id, old => old with { Summary = "Strike on a road bridge near the town" }, None);
        f.Clock.Advance(TimeSpan.FromDays(1));
        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var texts = await DeliveredTextsAsync();

        Assert.Contains("Strike on a road bridge near the town", texts[^1]);
    }

    [Fact]
    public async Task Each_subscription_gets_only_what_its_filters_let_through()
    {
        await f.SubscribeAsync("all");
        await f.SubscribeAsync("grave", s => s with { Filter = new SubscriptionFilter { MinSeverity = 4 } });
        await f.SubscribeAsync("other", s => s with { Topic = "sahel" });
        await f.AddEventAsync("Minor exchange of fire", severity: 2);
        await f.AddEventAsync("Missile strike on the city", severity: 5);
        f.Clock.Advance(TimeSpan.FromHours(1));

        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var transport = new FakeTransport();
        await f.Delivery.DrainAsync(transport, None);
        var byChat = transport.Delivered.ToDictionary(d => d.Chat.ChatId, d => d.Message.ToPlainText());

        Assert.Contains("Minor exchange of fire", byChat["all"]);
        Assert.DoesNotContain("Minor exchange of fire", byChat["grave"]);
        Assert.Contains("Missile strike on the city", byChat["grave"]);
        Assert.False(byChat.ContainsKey("other"));
    }

    [Fact]
    public async Task Pending_events_wait_for_review_and_never_reach_a_digest()
    {
        await f.SubscribeAsync("a");
        await f.Store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Casualties, Date = new DateOnly(2020, 10, 4), Summary = "Unverified toll", Topics = ["karabakh"], Status = EventStatus.Pending,
        }, None);
        await f.AddEventAsync("Verified strike");
        f.Clock.Advance(TimeSpan.FromHours(1));

        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);

        var digest = Assert.Single(await DeliveredTextsAsync());
        Assert.DoesNotContain("Unverified toll", digest);
    }

    [Fact]
    public async Task A_crash_before_the_digest_transaction_commits_leaves_it_due_and_unsent()
    {
        var subscription = await f.SubscribeAsync("a");
        await f.AddEventAsync("Strike");
        f.Clock.Advance(TimeSpan.FromHours(1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Digests.RunDueAsync(f.Clock.GetUtcNow(), cancelled.Token));
        var after = await f.Store.Subscriptions.GetAsync(subscription.Id, None);

        Assert.Null(after!.LastDigestAt);
        Assert.Equal(0, await f.Store.Outbox.CountPendingAsync(None));
        Assert.Equal(1, (await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None)).Queued);
    }

    [Fact]
    public async Task A_digest_asked_for_now_goes_out_ahead_of_the_scheduled_fan_out()
    {
        await f.SubscribeAsync("a");
        await f.SubscribeAsync("b");
        await f.AddEventAsync("Rocket fire on the city");
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var asking = await f.SubscribeAsync("c");

        await f.Digests.RunNowAsync(asking, f.Clock.GetUtcNow(), None);

        var next = Assert.Single(await f.Store.Outbox.NextDueAsync("test", f.Clock.GetUtcNow(), 1, None));
        Assert.Equal("c", next.Chat.ChatId);
        Assert.Equal(3, (await f.Store.Outbox.NextDueAsync("test", f.Clock.GetUtcNow(), 10, None)).Count);
    }

    [Fact]
    public async Task Digest_now_sends_even_when_nothing_is_new_and_says_so()
    {
        var subscription = await f.SubscribeAsync("a");

        await f.Digests.RunNowAsync(subscription, f.Clock.GetUtcNow(), None);

        Assert.Contains("Nothing new in this period. /latest", Assert.Single(await DeliveredTextsAsync()));
    }

    /// <summary>Ten subscriptions with different filters, half of them new (their first digest reaches back to the old
    /// event), the others past it since yesterday's digest; then new events. Every digest is due.</summary>
    private static async Task SeedTenAsync(StoreFixture fixture)
    {
        var old = await fixture.AddEventAsync("Old shelling, in the last digest of some", severity: 5);
        SubscriptionFilter[] filters =
        [
            SubscriptionFilter.None,
            new() { MinSeverity = 4 },
            new() { Kinds = [EventKind.Casualties] },
            new() { Include = ["drone"] },
            new() { Exclude = ["drone"] },
            new() { Places = ["Stepanakert"] },
            SubscriptionFilter.None,
            new() { MinSeverity = 4 },
            new() { Kinds = [EventKind.Escalation, EventKind.Casualties], Exclude = ["border"] },
            new() { Include = ["border", "drone"] },
        ];
        for (var i = 0; i < filters.Length; i++)
        {
            var filter = filters[i];
            var hadDigest = i % 2 == 0;
            await fixture.SubscribeAsync($"chat-{i}", s => s with
            {
                Filter = filter,
                DigestCursor = hadDigest ? old.Seq : 0,
                LastDigestAt = hadDigest ? s.CreatedAt.AddDays(-1).AddHours(1) : null,
            });
        }

        fixture.Clock.Advance(TimeSpan.FromHours(2));

        await fixture.AddEventAsync("Drones struck a fuel depot", severity: 4);
        await fixture.AddEventAsync("Border village shelled", severity: 2);
        await fixture.AddEventAsync("Soldiers killed near the border", EventKind.Casualties, 5);
        await fixture.AddEventAsync("Sahel news nobody here follows", topic: "sahel");
        fixture.Clock.Advance(TimeSpan.FromHours(1));
    }

    private static async Task<List<string>> DeliveredByChatAsync(StoreFixture fixture)
    {
        var transport = new FakeTransport();
        await fixture.Delivery.DrainAsync(transport, None);
        return transport.Delivered.OrderBy(d => d.Chat.ChatId, StringComparer.Ordinal).Select(d => $"{d.Chat.ChatId}: {d.Message.ToPlainText()}").ToList();
    }

    [Fact]
    public async Task Small_batches_queue_the_same_digests_as_one_big_batch()
    {
        using var big = new StoreFixture { DigestSettings = new DigestSettings { BatchSize = 1000 } };
        using var small = new StoreFixture { DigestSettings = new DigestSettings { BatchSize = 3 } };
        await SeedTenAsync(big);
        await SeedTenAsync(small);

        var bigRun = await big.Digests.RunDueAsync(big.Clock.GetUtcNow(), None);
        var smallRun = await small.Digests.RunDueAsync(small.Clock.GetUtcNow(), None);

        Assert.Equal(bigRun, smallRun);
        Assert.Equal(10, smallRun.Due);
        Assert.True(smallRun.Queued >= 8, $"{smallRun.Queued} queued");
        Assert.Equal(await DeliveredByChatAsync(big), await DeliveredByChatAsync(small));
    }

    [Fact]
    public async Task A_crash_between_batches_neither_loses_nor_repeats_a_digest()
    {
        using var reference = new StoreFixture();
        await SeedTenAsync(reference);
        await reference.Digests.RunDueAsync(reference.Clock.GetUtcNow(), None);
        f.DigestSettings = new DigestSettings { BatchSize = 3 };
        await SeedTenAsync(f);
        var crashing = new CrashingOutbox(f.Store.Outbox, batchesBeforeCrash: 2);
        var dying = new DigestService(f.Store.Events, f.Store.Subscriptions, crashing, f.DigestSettings, NullLogger<DigestService>.Instance);

        await Assert.ThrowsAsync<IOException>(() => dying.RunDueAsync(f.Clock.GetUtcNow(), None));
        var done = (await f.Store.Subscriptions.ListActiveAsync(None)).Count(s => s.LastDigestAt == f.Clock.GetUtcNow());
        var restarted = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var again = await f.Digests.RunDueAsync(f.Clock.GetUtcNow(), None);

        Assert.Equal(6, done);
        Assert.Equal((4, 0), (restarted.Due, restarted.Skipped));
        Assert.Equal(0, again.Due);
        Assert.Equal(await DeliveredByChatAsync(reference), await DeliveredByChatAsync(f));
    }

    [Fact]
    public async Task A_second_run_racing_through_the_same_batches_queues_nothing_twice()
    {
        f.DigestSettings = new DigestSettings { BatchSize = 3 };
        await SeedTenAsync(f);
        var now = f.Clock.GetUtcNow();

        var results = await Task.WhenAll(
            Task.Run(() => f.Digests.RunDueAsync(now, None)),
            Task.Run(() => f.Digests.RunDueAsync(now, None)));

        var delivered = await DeliveredByChatAsync(f);
        Assert.Equal(delivered.Count, results.Sum(r => r.Queued));
        Assert.Equal(delivered.Select(d => d.Split(':')[0]).Distinct().Count(), delivered.Count);
        Assert.All(await f.Store.Subscriptions.ListActiveAsync(None), s => Assert.Equal(now, s.LastDigestAt));
    }

    public void Dispose() => f.Dispose();
}
