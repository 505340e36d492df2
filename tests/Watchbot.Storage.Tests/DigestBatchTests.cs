using Microsoft.Data.Sqlite;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

/// <summary>Queueing many digests in one transaction, sharing their bodies, and the start cursors read in one go.</summary>
public sealed class DigestBatchTests : StoreTest
{
    private async Task<IReadOnlyList<Subscription>> SubscribeAsync(int count) =>
        await Store.Subscriptions.AddManyAsync(
            Enumerable.Range(0, count).Select(i => Samples.Subscription(new ChatAddress("telegram", $"chat-{i}"))).ToList(), Ct);

    private static OutgoingMessage Digest(string title, IReadOnlyList<MessageSection> sections) =>
        new(MessageKind.Digest, title, sections, $"{sections.Sum(s => s.Items.Count)} new events.");

    [Fact]
    public async Task A_batch_queues_the_digests_whose_cursor_it_still_holds_and_skips_the_rest()
    {
        var subs = await SubscribeAsync(3);
        await Store.Outbox.EnqueueDigestAsync(subs[1].Id, 0, 5, Start, null, Ct);

        var moved = await Store.Outbox.EnqueueDigestsAsync(
            subs.Select(s => new DigestDraft(s.Id, 0, 9, Samples.Message($"digest {s.Chat.ChatId}"))).ToList(), Start.AddHours(1), Ct);

        Assert.Equal([true, false, true], moved);
        Assert.Equal(2, await Store.Outbox.CountPendingAsync(Ct));
        var cursors = (await Store.Subscriptions.ListActiveAsync(Ct)).Select(s => (s.DigestCursor, s.LastDigestAt)).ToList();
        Assert.Equal([(9, Start.AddHours(1)), (5, Start), (9, Start.AddHours(1))], cursors);
    }

    [Fact]
    public async Task A_failure_inside_a_batch_rolls_every_digest_of_it_back()
    {
        var subs = await SubscribeAsync(2);
        var broken = Samples.Message("linked to a subscription that does not exist", subscriptionId: 999_999);

        await Assert.ThrowsAsync<SqliteException>(() => Store.Outbox.EnqueueDigestsAsync(
            [new DigestDraft(subs[0].Id, 0, 9, Samples.Message("fine")), new DigestDraft(subs[1].Id, 0, 9, broken)], Start, Ct));

        Assert.Equal(0, await Store.Outbox.CountPendingAsync(Ct));
        Assert.All(await Store.Subscriptions.ListActiveAsync(Ct), s => Assert.Equal((0L, (DateTimeOffset?)null), (s.DigestCursor, s.LastDigestAt)));
    }

    [Fact]
    public async Task Digests_that_share_their_sections_store_them_once_and_read_back_whole()
    {
        var subs = await SubscribeAsync(4);
        IReadOnlyList<MessageSection> shared =
        [
            new MessageSection("Escalations", [new MessageItem("Shelling of Stepanakert #1", [new MessageLink("source", "https://example.org/1")])]),
            new MessageSection("Casualty updates", [MessageItem.Plain("104 military deaths, +45 since 28 Sep #2")]),
        ];
        IReadOnlyList<MessageSection> own = [new MessageSection("Displacement", [MessageItem.Plain("Families left Hadrut #3")])];

        await Store.Outbox.EnqueueDigestsAsync(
        [
            new DigestDraft(subs[0].Id, 0, 3, new OutboxDraft(subs[0].Chat, Digest("Karabakh digest: morning", shared))),
            new DigestDraft(subs[1].Id, 0, 3, new OutboxDraft(subs[1].Chat, Digest("Karabakh digest: noon", shared))),
            new DigestDraft(subs[2].Id, 0, 3, new OutboxDraft(subs[2].Chat, Digest("Karabakh digest: own", own))),
        ], Start, Ct);
        await Store.Outbox.EnqueueDigestsAsync(
            [new DigestDraft(subs[3].Id, 0, 3, new OutboxDraft(subs[3].Chat, Digest("Karabakh digest: next batch", shared)))], Start, Ct);

        var bodies = await MigrationTests.QueryAsync(Store.Database, "SELECT COUNT(*) FROM outbox_bodies");
        Assert.Equal("2", bodies[0][0]);
        var queued = await Store.Outbox.NextDueAsync("telegram", Start, 10, Ct);
        var read = queued.ToDictionary(m => m.Chat.ChatId, m => m.Message);
        Assert.Equal(Digest("Karabakh digest: morning", shared).ToPlainText(), read["chat-0"].ToPlainText());
        Assert.Equal(Digest("Karabakh digest: noon", shared).ToPlainText(), read["chat-1"].ToPlainText());
        Assert.Equal(Digest("Karabakh digest: own", own).ToPlainText(), read["chat-2"].ToPlainText());
        Assert.Equal(Digest("Karabakh digest: next batch", shared).ToPlainText(), read["chat-3"].ToPlainText());
        Assert.Equal("https://example.org/1", read["chat-3"].Sections[0].Items[0].Links[0].Url);
        Assert.Equal(MessageKind.Digest, read["chat-3"].Kind);
        Assert.Equal(subs[3].Id, queued.Single(m => m.Chat.ChatId == "chat-3").SubscriptionId);
    }

    [Fact]
    public async Task A_body_whose_batch_rolled_back_is_stored_again_by_the_next_batch()
    {
        var subs = await SubscribeAsync(2);
        IReadOnlyList<MessageSection> shared = [new MessageSection("Escalations", [MessageItem.Plain("Shelling #1")])];
        var broken = new OutboxDraft(subs[1].Chat, Digest("broken", shared), SubscriptionId: 999_999);

        await Assert.ThrowsAsync<SqliteException>(() => Store.Outbox.EnqueueDigestsAsync(
            [new DigestDraft(subs[0].Id, 0, 3, new OutboxDraft(subs[0].Chat, Digest("first", shared))), new DigestDraft(subs[1].Id, 0, 3, broken)],
            Start, Ct));
        Assert.Equal([true], await Store.Outbox.EnqueueDigestsAsync(
            [new DigestDraft(subs[0].Id, 0, 3, new OutboxDraft(subs[0].Chat, Digest("first", shared)))], Start, Ct));

        var read = Assert.Single(await Store.Outbox.NextDueAsync("telegram", Start, 10, Ct));
        Assert.Contains("Shelling #1", read.Message.ToPlainText());
    }

    [Fact]
    public async Task Many_start_cursors_read_at_once_match_the_one_at_a_time_answer()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.Events.AddAsync(Samples.Event($"event {i}"), Ct);
            Clock.Advance(TimeSpan.FromMinutes(40));
        }

        var first = await Store.Events.AddAsync(Samples.Event("revised later"), Ct);
        Clock.Advance(TimeSpan.FromHours(1));
        await Store.Events.ReviseAsync(first.Id, e => e with { Summary = "revised" }, Ct);
        DateTimeOffset[] times =
        [
            Start.AddDays(-1), Start, Start.AddMinutes(1), Start.AddMinutes(40), Start.AddMinutes(41), Start.AddHours(2),
            Start.AddHours(3).ToOffset(TimeSpan.FromHours(4)), Start.AddHours(4), Start.AddHours(5), Start.AddDays(3),
        ];

        var many = await Store.Events.LastSeqsBeforeAsync(times, Ct);

        var stored = await Store.Events.ListAsync(new Core.Stores.EventQuery { Status = null, Limit = int.MaxValue }, Ct);
        foreach (var time in times)
        {
            Assert.Equal(stored.Where(e => e.ChangedAt < time).Select(e => e.Seq).DefaultIfEmpty(0).Max(), many[time]);
        }

        Assert.Empty(await Store.Events.LastSeqsBeforeAsync([], Ct));
    }

    [Fact]
    public async Task Subscriptions_added_together_read_back_with_their_ids_and_every_field()
    {
        var subs = await Store.Subscriptions.AddManyAsync(
        [
            Samples.Subscription(new ChatAddress("telegram", "1")) with
            {
                Filter = new SubscriptionFilter { MinSeverity = 4, Places = ["Ganja"] },
                DigestCursor = 7,
                LastDigestAt = Start,
                AlertsEnabled = true,
            },
            Samples.Subscription(new ChatAddress("discord", "2"), userId: "u"),
        ], Ct);

        Assert.Equal(subs, await Store.Subscriptions.ListActiveAsync(Ct), new SubscriptionComparer());
    }

    private sealed class SubscriptionComparer : IEqualityComparer<Subscription>
    {
        public bool Equals(Subscription? x, Subscription? y) =>
            x is not null && y is not null
            && (x.Id, x.Chat, x.UserId, x.Topic, x.Filter.MinSeverity, string.Join(",", x.Filter.Places), x.DigestCursor, x.LastDigestAt, x.AlertsEnabled, x.CreatedAt)
            == (y.Id, y.Chat, y.UserId, y.Topic, y.Filter.MinSeverity, string.Join(",", y.Filter.Places), y.DigestCursor, y.LastDigestAt, y.AlertsEnabled, y.CreatedAt);

        public int GetHashCode(Subscription obj) => obj.Id.GetHashCode();
    }
}
