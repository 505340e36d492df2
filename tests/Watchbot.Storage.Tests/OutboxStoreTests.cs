using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class OutboxStoreTests : StoreTest
{
    private static readonly ChatAddress ChatA = new("telegram", "A");
    private static readonly ChatAddress ChatB = new("telegram", "B");
    private static readonly ChatAddress ChatC = new("telegram", "C");

    private async Task<List<string>> DueAsync(DateTimeOffset now, int limit = 100, string platform = "telegram") =>
        (await Store.Outbox.NextDueAsync(platform, now, limit, Ct)).Select(m => $"{m.Chat.ChatId}:{m.Message.ToPlainText()}").ToList();

    [Fact]
    public async Task A_queued_message_keeps_its_content_and_is_pending()
    {
        var (sub, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        var message = new OutgoingMessage(
            MessageKind.Digest,
            "Karabakh digest",
            [
                new MessageSection("Casualties", [new MessageItem("Artsakh military deaths: 104 (was 59)", [new MessageLink("source", "https://example.org/1")])]),
                new MessageSection(null, [MessageItem.Plain("Quiet night in Shusha")]),
            ],
            "Reply /digest off to stop");

        var id = await Store.Outbox.EnqueueAsync(new OutboxDraft(Samples.Chat, message, sub.Id, Start.AddHours(1)), Ct);
        var read = await Store.Outbox.GetAsync(id, Ct);

        Assert.NotNull(read);
        Assert.Equal(Samples.Chat, read.Chat);
        Assert.Equal(sub.Id, read.SubscriptionId);
        Assert.Equal(OutboxStatus.Pending, read.Status);
        Assert.Equal(0, read.Attempts);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Equal(Start.AddHours(1), read.NotBefore);
        Assert.Null(read.PlatformMessageId);
        Assert.Null(read.LastError);
        Assert.Equal(MessageKind.Digest, read.Message.Kind);
        Assert.Equal("Karabakh digest", read.Message.Title);
        Assert.Equal("Reply /digest off to stop", read.Message.Footer);
        Assert.Equal(message.ToPlainText(), read.Message.ToPlainText());
        Assert.Equal(new MessageLink("source", "https://example.org/1"), Assert.Single(read.Message.Sections[0].Items[0].Links));
        Assert.Equal(1, await Store.Outbox.CountPendingAsync(Ct));
        Assert.Equal("digest", (await MigrationTests.QueryAsync(Store.Database, "SELECT kind FROM outbox"))[0][0]);
    }

    [Fact]
    public async Task A_message_without_a_not_before_time_is_due_at_once()
    {
        var id = await Store.Outbox.EnqueueAsync(Samples.Message("now"), Ct);

        Assert.Equal(Start, (await Store.Outbox.GetAsync(id, Ct))!.NotBefore);
        Assert.Equal(["-100123:now"], await DueAsync(Start.AddDays(-1)));
    }

    [Fact]
    public async Task Next_due_gives_the_oldest_pending_message_of_each_chat_oldest_chat_first()
    {
        await Store.Outbox.EnqueueAsync(Samples.Message("b1", ChatB), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a1", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("b2", ChatB), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a2", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("c1", ChatC), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("other platform", new ChatAddress("discord", "A")), Ct);

        Assert.Equal(["B:b1", "A:a1", "C:c1"], await DueAsync(Start));
        Assert.Equal(["B:b1", "A:a1"], await DueAsync(Start, limit: 2));
        Assert.Equal(["A:other platform"], await DueAsync(Start, platform: "discord"));
    }

    [Fact]
    public async Task A_message_a_person_asked_for_is_due_ahead_of_older_bulk_ones_of_other_chats()
    {
        await Store.Outbox.EnqueueAsync(Samples.Message("b1", ChatB), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a1", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("c asked", ChatC) with { Asked = true }, Ct);

        Assert.Equal(["C:c asked", "B:b1"], await DueAsync(Start, limit: 2));
    }

    [Fact]
    public async Task Sending_the_head_of_a_chat_brings_up_its_next_message()
    {
        var b1 = await Store.Outbox.EnqueueAsync(Samples.Message("b1", ChatB), Ct);
        var a1 = await Store.Outbox.EnqueueAsync(Samples.Message("a1", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("b2", ChatB), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a2", ChatA), Ct);

        await Store.Outbox.MarkSentAsync(b1, "501", Start, Ct);
        Assert.Equal(["A:a1", "B:b2"], await DueAsync(Start));

        await Store.Outbox.MarkFailedAsync(a1, "Bad Request: message is too long", Start, Ct);
        Assert.Equal(["B:b2", "A:a2"], await DueAsync(Start));
    }

    [Fact]
    public async Task A_chat_whose_oldest_message_waits_holds_back_its_later_ones()
    {
        await Store.Outbox.EnqueueAsync(Samples.Message("a1 at nine", ChatA, notBefore: Start.AddHours(1)), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a2 now", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("b1 now", ChatB), Ct);

        Assert.Equal(["B:b1 now"], await DueAsync(Start));
        Assert.Equal(["A:a1 at nine", "B:b1 now"], await DueAsync(Start.AddHours(1)));
    }

    [Fact]
    public async Task Retry_later_counts_the_attempt_keeps_the_message_first_in_its_chat_and_holds_it_until_the_time()
    {
        var a1 = await Store.Outbox.EnqueueAsync(Samples.Message("a1", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a2", ChatA), Ct);

        await Store.Outbox.RetryLaterAsync(a1, Start.AddSeconds(30), "429 Too Many Requests", Ct);
        await Store.Outbox.RetryLaterAsync(a1, Start.AddSeconds(90), "429 Too Many Requests again", Ct);

        var read = await Store.Outbox.GetAsync(a1, Ct);
        Assert.NotNull(read);
        Assert.Equal(2, read.Attempts);
        Assert.Equal(OutboxStatus.Pending, read.Status);
        Assert.Equal(Start.AddSeconds(90), read.NotBefore);
        Assert.Equal("429 Too Many Requests again", read.LastError);
        Assert.Empty(await DueAsync(Start.AddSeconds(60)));
        Assert.Equal(["A:a1"], await DueAsync(Start.AddSeconds(90)));
    }

    [Fact]
    public async Task The_parts_of_a_split_message_already_sent_are_kept_across_retries_and_never_go_back()
    {
        var id = await Store.Outbox.EnqueueAsync(Samples.Message("three parts", ChatA), Ct);

        await Store.Outbox.MarkPartsSentAsync(id, 1, Ct);
        await Store.Outbox.RetryLaterAsync(id, Start.AddSeconds(30), "502", Ct);
        await Store.Outbox.MarkPartsSentAsync(id, 2, Ct);
        await Store.Outbox.MarkPartsSentAsync(id, 1, Ct);

        Assert.Equal(2, (await Store.Outbox.GetAsync(id, Ct))!.PartsSent);
        Assert.Equal(2, (await Store.Outbox.NextDueAsync("telegram", Start.AddSeconds(30), 10, Ct)).Single().PartsSent);
    }

    [Fact]
    public async Task A_held_catch_up_message_that_started_going_out_takes_no_more_alerts()
    {
        var held = new OutboxDraft(ChatA, OutgoingMessage.Reply("first alert"), NotBefore: Start, Held: true);
        var first = await Store.Outbox.EnqueueAsync(held, Ct);
        Assert.Equal(first, await Store.Outbox.EnqueueAsync(held with { Message = OutgoingMessage.Reply("second alert") }, Ct));

        await Store.Outbox.MarkPartsSentAsync(first, 1, Ct);

        Assert.NotEqual(first, await Store.Outbox.EnqueueAsync(held with { Message = OutgoingMessage.Reply("third alert") }, Ct));
    }

    [Fact]
    public async Task Marking_sent_records_the_platform_message_id_and_time()
    {
        var id = await Store.Outbox.EnqueueAsync(Samples.Message("hello"), Ct);
        await Store.Outbox.RetryLaterAsync(id, Start, "timeout", Ct);

        await Store.Outbox.MarkSentAsync(id, "8812", Start.AddMinutes(1), Ct);

        var read = await Store.Outbox.GetAsync(id, Ct);
        Assert.NotNull(read);
        Assert.Equal(OutboxStatus.Sent, read.Status);
        Assert.Equal("8812", read.PlatformMessageId);
        Assert.Equal(2, read.Attempts);
        Assert.Equal(0, await Store.Outbox.CountPendingAsync(Ct));
        var sentAt = (await MigrationTests.QueryAsync(Store.Database, $"SELECT sent_at FROM outbox WHERE id = {id}"))[0][0];
        Assert.Equal("2020-10-04T09:31:00.0000000+00:00", sentAt);
        Assert.Empty(await DueAsync(Start.AddDays(1)));
    }

    [Fact]
    public async Task Marking_failed_is_permanent()
    {
        var id = await Store.Outbox.EnqueueAsync(Samples.Message("too long"), Ct);

        await Store.Outbox.MarkFailedAsync(id, "Bad Request: message is too long", Start, Ct);
        await Store.Outbox.RetryLaterAsync(id, Start, "late retry from a stale worker", Ct);

        var read = await Store.Outbox.GetAsync(id, Ct);
        Assert.NotNull(read);
        Assert.Equal(OutboxStatus.Failed, read.Status);
        Assert.Equal("Bad Request: message is too long", read.LastError);
        Assert.Equal(1, read.Attempts);
        Assert.Empty(await DueAsync(Start.AddDays(1)));
    }

    [Fact]
    public async Task Dropping_a_chat_fails_only_its_pending_messages()
    {
        var sent = await Store.Outbox.EnqueueAsync(Samples.Message("a0", ChatA), Ct);
        await Store.Outbox.MarkSentAsync(sent, "1", Start, Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a1", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("a2", ChatA), Ct);
        await Store.Outbox.EnqueueAsync(Samples.Message("b1", ChatB), Ct);

        var dropped = await Store.Outbox.DropPendingForChatAsync(ChatA, "Forbidden: bot was kicked", Ct);

        Assert.Equal(2, dropped);
        Assert.Equal(1, await Store.Outbox.CountPendingAsync(Ct));
        Assert.Equal(["B:b1"], await DueAsync(Start));
        Assert.Equal(OutboxStatus.Sent, (await Store.Outbox.GetAsync(sent, Ct))!.Status);
    }

    [Fact]
    public async Task A_digest_is_queued_only_by_the_run_that_still_holds_the_cursor()
    {
        var (sub, _) = await Store.Subscriptions.AddAsync(Samples.Subscription() with { DigestCursor = 3 }, Ct);
        var at = Start.AddHours(3);

        var first = await Store.Outbox.EnqueueDigestAsync(sub.Id, 3, 10, at, Samples.Message("digest one", subscriptionId: sub.Id), Ct);
        var second = await Store.Outbox.EnqueueDigestAsync(sub.Id, 3, 12, at.AddMinutes(1), Samples.Message("digest two", subscriptionId: sub.Id), Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["-100123:digest one"], await DueAsync(Start));
        var read = await Store.Subscriptions.GetAsync(sub.Id, Ct);
        Assert.Equal(10, read!.DigestCursor);
        Assert.Equal(at, read.LastDigestAt);
    }

    [Fact]
    public async Task A_digest_message_is_linked_to_its_subscription()
    {
        var (sub, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);

        await Store.Outbox.EnqueueDigestAsync(sub.Id, 0, 4, Start, Samples.Message("digest"), Ct);

        var queued = Assert.Single(await Store.Outbox.NextDueAsync("telegram", Start, 10, Ct));
        Assert.Equal(sub.Id, queued.SubscriptionId);
    }

    [Fact]
    public async Task An_empty_digest_moves_the_cursor_without_queueing_anything()
    {
        var (sub, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);

        Assert.True(await Store.Outbox.EnqueueDigestAsync(sub.Id, 0, 7, Start, null, Ct));

        Assert.Equal(0, await Store.Outbox.CountPendingAsync(Ct));
        Assert.Equal(7, (await Store.Subscriptions.GetAsync(sub.Id, Ct))!.DigestCursor);
    }

    [Fact]
    public async Task A_digest_for_a_missing_subscription_changes_nothing()
    {
        Assert.False(await Store.Outbox.EnqueueDigestAsync(404, 0, 7, Start, Samples.Message("nobody"), Ct));

        Assert.Equal(0, await Store.Outbox.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task Alerts_are_queued_only_by_the_run_that_still_holds_the_job_cursor()
    {
        IReadOnlyList<OutboxDraft> alerts = [Samples.Message("alert 1", ChatA), Samples.Message("alert 2", ChatB)];

        var first = await Store.Outbox.EnqueueWithCursorAsync("poll", 0, 5, alerts, Ct);
        var stale = await Store.Outbox.EnqueueWithCursorAsync("poll", 0, 6, [Samples.Message("duplicate", ChatC)], Ct);
        var next = await Store.Outbox.EnqueueWithCursorAsync("poll", 5, 8, [], Ct);

        Assert.True(first);
        Assert.False(stale);
        Assert.True(next);
        Assert.Equal(["A:alert 1", "B:alert 2"], await DueAsync(Start));
        var cursor = await Store.Cursors.GetAsync("poll", Ct);
        Assert.Equal(8, cursor.Value);
        Assert.Equal(Start, cursor.UpdatedAt);
    }

    [Fact]
    public async Task A_missing_job_cursor_counts_as_zero()
    {
        Assert.False(await Store.Outbox.EnqueueWithCursorAsync("never-set", 3, 4, [Samples.Message("x")], Ct));
        Assert.True(await Store.Outbox.EnqueueWithCursorAsync("never-set", 0, 4, [Samples.Message("y")], Ct));

        Assert.Equal(["-100123:y"], await DueAsync(Start));
    }

    [Fact]
    public async Task Two_runs_racing_for_one_digest_queue_it_once()
    {
        var (sub, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        var other = new SqliteStore(Store.Path, Clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Store : other).Outbox.EnqueueDigestAsync(sub.Id, 0, 10, Start, Samples.Message($"digest {i}", subscriptionId: sub.Id), Ct))));

        Assert.Single(results, r => r);
        Assert.Equal(1, await Store.Outbox.CountPendingAsync(Ct));
    }
}
