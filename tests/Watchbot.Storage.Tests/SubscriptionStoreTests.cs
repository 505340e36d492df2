using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class SubscriptionStoreTests : StoreTest
{
    [Fact]
    public async Task A_digest_run_reads_only_the_subscriptions_whose_next_digest_may_have_come()
    {
        var at = new DateTimeOffset(2020, 10, 4, 8, 0, 0, TimeSpan.Zero);
        var morning = new DigestSchedule(true, new TimeOnly(8, 0), "UTC");
        var due = Samples.Subscription(new ChatAddress("test", "due")) with { Digest = morning, LastDigestAt = at.AddDays(-1) };
        var later = Samples.Subscription(new ChatAddress("test", "later")) with { Digest = morning with { TimeOfDay = new TimeOnly(18, 0) }, LastDigestAt = at.AddHours(-14) };
        var off = Samples.Subscription(new ChatAddress("test", "off")) with { Digest = morning with { Enabled = false }, LastDigestAt = at.AddDays(-3) };
        var stored = await Store.Subscriptions.AddManyAsync([due, later, off], Ct);

        Assert.Equal(["due"], (await Store.Subscriptions.ListDigestDueAsync(at, Ct)).Select(s => s.Chat.ChatId));
        Assert.Equal(["due", "later"], (await Store.Subscriptions.ListDigestDueAsync(at.AddHours(10), Ct)).Select(s => s.Chat.ChatId));

        // Its digest queued, the first is not asked again until its next one; a schedule change makes it asked at once.
        await Store.Outbox.EnqueueDigestsAsync([new Core.Delivery.DigestDraft(stored[0].Id, 0, 5, null, at.AddDays(1))], at, Ct);
        Assert.Empty(await Store.Subscriptions.ListDigestDueAsync(at.AddHours(1), Ct));
        await Store.Subscriptions.UpdateAsync(stored[0] with { Digest = morning with { TimeOfDay = new TimeOnly(9, 0) } }, Ct);
        Assert.Equal(["due"], (await Store.Subscriptions.ListDigestDueAsync(at.AddHours(1), Ct)).Select(s => s.Chat.ChatId));
    }

    [Fact]
    public async Task A_subscription_has_the_digest_chart_on_until_it_is_turned_off_and_keeps_that()
    {
        var (added, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        Assert.True((await Store.Subscriptions.GetAsync(added.Id, Ct))!.DigestChart);

        await Store.Subscriptions.UpdateAsync(added with { DigestChart = false }, Ct);

        Assert.False((await Store.Subscriptions.GetAsync(added.Id, Ct))!.DigestChart);
        Assert.False(Assert.Single(await Store.Subscriptions.ListActiveAsync(Ct)).DigestChart);
    }

    [Fact]
    public async Task A_subscription_keeps_its_filter_schedule_and_alert_settings()
    {
        var subscription = Samples.Subscription(userId: "42") with
        {
            Filter = new SubscriptionFilter
            {
                Kinds = [EventKind.Casualties, EventKind.Ceasefire],
                MinSeverity = 3,
                Places = ["Stepanakert"],
                Actors = ["Azerbaijan"],
                Include = ["drone"],
                Exclude = ["football", "COVID"],
            },
            Digest = new DigestSchedule(true, new TimeOnly(7, 45), "Asia/Yerevan"),
            AlertsEnabled = true,
            AlertMinSeverity = 5,
            DigestCursor = 17,
            LastDigestAt = new DateTimeOffset(2020, 10, 3, 3, 45, 0, TimeSpan.Zero),
        };

        var (added, created) = await Store.Subscriptions.AddAsync(subscription, Ct);
        var read = await Store.Subscriptions.GetAsync(added.Id, Ct);

        Assert.True(created);
        Assert.True(added.Id > 0);
        Assert.NotNull(read);
        Assert.Equal(Samples.Chat, read.Chat);
        Assert.Equal("42", read.UserId);
        Assert.Equal("karabakh", read.Topic);
        Assert.Equal([EventKind.Casualties, EventKind.Ceasefire], read.Filter.Kinds);
        Assert.Equal(3, read.Filter.MinSeverity);
        Assert.Equal(["Stepanakert"], read.Filter.Places);
        Assert.Equal(["Azerbaijan"], read.Filter.Actors);
        Assert.Equal(["drone"], read.Filter.Include);
        Assert.Equal(["football", "COVID"], read.Filter.Exclude);
        Assert.Equal(new DigestSchedule(true, new TimeOnly(7, 45), "Asia/Yerevan"), read.Digest);
        Assert.True(read.AlertsEnabled);
        Assert.Equal(5, read.AlertMinSeverity);
        Assert.True(read.Active);
        Assert.Equal(17, read.DigestCursor);
        Assert.Equal(subscription.LastDigestAt, read.LastDigestAt);
        Assert.Equal(subscription.CreatedAt, read.CreatedAt);
        Assert.Equal(added with { Filter = read.Filter }, read);
    }

    [Fact]
    public async Task The_filter_is_stored_as_json_with_enum_names()
    {
        await Store.Subscriptions.AddAsync(Samples.Subscription() with { Filter = new SubscriptionFilter { Kinds = [EventKind.Displacement] } }, Ct);

        var json = (await MigrationTests.QueryAsync(Store.Database, "SELECT filter FROM subscriptions"))[0][0];

        Assert.Contains("\"Displacement\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isEmpty", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_twice_returns_the_first_subscription_with_its_settings()
    {
        var (first, _) = await Store.Subscriptions.AddAsync(Samples.Subscription() with { AlertsEnabled = true, AlertMinSeverity = 2 }, Ct);

        var (second, created) = await Store.Subscriptions.AddAsync(Samples.Subscription() with { AlertsEnabled = false }, Ct);

        Assert.False(created);
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.AlertsEnabled);
        Assert.Equal(2, second.AlertMinSeverity);
        Assert.Single(await Store.Subscriptions.ListActiveAsync(Ct));
    }

    [Fact]
    public async Task Subscribing_again_after_deactivation_reactivates_and_keeps_settings()
    {
        var (first, _) = await Store.Subscriptions.AddAsync(Samples.Subscription() with { AlertMinSeverity = 2, DigestCursor = 9 }, Ct);
        await Store.Subscriptions.DeactivateChatAsync(Samples.Chat, "bot was kicked", Ct);

        var (again, created) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);

        Assert.False(created);
        Assert.Equal(first.Id, again.Id);
        Assert.True(again.Active);
        Assert.Equal(2, again.AlertMinSeverity);
        Assert.Equal(9, again.DigestCursor);
        Assert.True((await Store.Subscriptions.GetAsync(first.Id, Ct))!.Active);
        var reason = (await MigrationTests.QueryAsync(Store.Database, "SELECT deactivated_reason FROM subscriptions"))[0][0];
        Assert.Null(reason);
    }

    [Fact]
    public async Task A_chat_wide_and_a_personal_subscription_to_one_topic_are_different()
    {
        var (chatWide, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        var (personal, created) = await Store.Subscriptions.AddAsync(Samples.Subscription(userId: "7"), Ct);
        var (otherPerson, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(userId: "8"), Ct);
        var (otherTopic, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(topic: "ukraine"), Ct);

        Assert.True(created);
        Assert.Equal(4, new[] { chatWide.Id, personal.Id, otherPerson.Id, otherTopic.Id }.Distinct().Count());
    }

    [Fact]
    public async Task A_chat_lists_its_chat_wide_subscriptions_and_the_asking_persons_own()
    {
        await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(userId: "7", topic: "ukraine"), Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(userId: "8", topic: "syria"), Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(chat: new ChatAddress("discord", "-100123")), Ct);

        var forChat = await Store.Subscriptions.ListForChatAsync(Samples.Chat, null, Ct);
        var forSeven = await Store.Subscriptions.ListForChatAsync(Samples.Chat, "7", Ct);

        Assert.Equal(["karabakh"], forChat.Select(s => s.Topic));
        Assert.Equal(["karabakh", "ukraine"], forSeven.Select(s => s.Topic));
    }

    [Fact]
    public async Task Update_saves_settings_but_not_the_digest_cursor_or_the_chat()
    {
        var (added, _) = await Store.Subscriptions.AddAsync(Samples.Subscription() with { DigestCursor = 5 }, Ct);

        await Store.Subscriptions.UpdateAsync(added with
        {
            Filter = new SubscriptionFilter { Include = ["Shusha"] },
            Digest = new DigestSchedule(false, new TimeOnly(21, 30), "Europe/Berlin"),
            AlertsEnabled = true,
            AlertMinSeverity = 3,
            DigestCursor = 999,
            Chat = new ChatAddress("discord", "elsewhere"),
            Topic = "other",
        }, Ct);

        var read = await Store.Subscriptions.GetAsync(added.Id, Ct);
        Assert.NotNull(read);
        Assert.Equal(["Shusha"], read.Filter.Include);
        Assert.Equal(new DigestSchedule(false, new TimeOnly(21, 30), "Europe/Berlin"), read.Digest);
        Assert.True(read.AlertsEnabled);
        Assert.Equal(3, read.AlertMinSeverity);
        Assert.Equal(5, read.DigestCursor);
        Assert.Equal(Samples.Chat, read.Chat);
        Assert.Equal("karabakh", read.Topic);
    }

    [Fact]
    public async Task Removing_a_subscription_deletes_it_and_gives_up_its_queued_messages()
    {
        var (added, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        var queued = await Store.Outbox.EnqueueAsync(Samples.Message("alert", subscriptionId: added.Id), Ct);

        Assert.True(await Store.Subscriptions.RemoveAsync(added.Id, Ct));
        Assert.False(await Store.Subscriptions.RemoveAsync(added.Id, Ct));

        Assert.Null(await Store.Subscriptions.GetAsync(added.Id, Ct));
        var message = await Store.Outbox.GetAsync(queued, Ct);
        Assert.NotNull(message);
        Assert.Equal(Core.Delivery.OutboxStatus.Failed, message.Status);
        Assert.Null(message.SubscriptionId);
        Assert.Equal(0, await Store.Outbox.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task Deactivating_a_chat_stops_only_its_subscriptions()
    {
        await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(userId: "7"), Ct);
        var other = new ChatAddress("telegram", "555");
        await Store.Subscriptions.AddAsync(Samples.Subscription(chat: other), Ct);

        var count = await Store.Subscriptions.DeactivateChatAsync(Samples.Chat, "Forbidden: bot was blocked by the user", Ct);

        Assert.Equal(2, count);
        Assert.Equal([other], (await Store.Subscriptions.ListActiveAsync(Ct)).Select(s => s.Chat));
        Assert.All(await Store.Subscriptions.ListForChatAsync(Samples.Chat, "7", Ct), s => Assert.False(s.Active));
        Assert.Equal(0, await Store.Subscriptions.DeactivateChatAsync(Samples.Chat, "again", Ct));
    }

    [Fact]
    public async Task A_paused_chat_counts_its_inactive_subscriptions_and_resumes_them_all()
    {
        var other = new ChatAddress("telegram", "555");
        foreach (var (subscription, why) in new[] { (Samples.Subscription(), "blocked"), (Samples.Subscription(userId: "7"), "blocked"), (Samples.Subscription(chat: other), "chat not found") })
        {
            await Store.Subscriptions.AddAsync(subscription, Ct);
            await Store.Subscriptions.DeactivateChatAsync(subscription.Chat, why, Ct);
        }

        var paused = await Store.Subscriptions.CountInactiveAsync(Samples.Chat, Ct);
        var resumed = await Store.Subscriptions.ReactivateChatAsync(Samples.Chat, Ct);

        Assert.Equal(2, paused);
        Assert.Equal(2, resumed);
        Assert.Equal(0, await Store.Subscriptions.CountInactiveAsync(Samples.Chat, Ct));
        Assert.Equal([Samples.Chat, Samples.Chat], (await Store.Subscriptions.ListActiveAsync(Ct)).Select(s => s.Chat));
        Assert.Equal(1, await Store.Subscriptions.CountInactiveAsync(other, Ct));
    }

    [Fact]
    public async Task Moving_a_chat_moves_its_subscriptions_and_pending_messages_but_not_sent_ones()
    {
        var (sub, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(userId: "7"), Ct);
        var sent = await Store.Outbox.EnqueueAsync(Samples.Message("old"), Ct);
        await Store.Outbox.MarkSentAsync(sent, "1", Start, Ct);
        var pending = await Store.Outbox.EnqueueAsync(Samples.Message("queued", subscriptionId: sub.Id), Ct);

        var moved = await Store.Subscriptions.MoveChatAsync(Samples.Chat, "-100999", Ct);

        var newChat = new ChatAddress("telegram", "-100999");
        Assert.Equal(2, moved);
        Assert.Empty(await Store.Subscriptions.ListForChatAsync(Samples.Chat, "7", Ct));
        Assert.Equal(2, (await Store.Subscriptions.ListForChatAsync(newChat, "7", Ct)).Count);
        Assert.Equal(newChat, (await Store.Outbox.GetAsync(pending, Ct))!.Chat);
        Assert.Equal(Samples.Chat, (await Store.Outbox.GetAsync(sent, Ct))!.Chat);
        Assert.Equal([pending], (await Store.Outbox.NextDueAsync("telegram", Start, 10, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task Moving_a_chat_onto_one_that_already_follows_the_topic_keeps_the_new_chats_subscription()
    {
        var newChat = new ChatAddress("telegram", "-100999");
        await Store.Subscriptions.AddAsync(Samples.Subscription(), Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(topic: "ukraine"), Ct);
        var (existing, _) = await Store.Subscriptions.AddAsync(Samples.Subscription(chat: newChat) with { AlertMinSeverity = 1 }, Ct);

        var moved = await Store.Subscriptions.MoveChatAsync(Samples.Chat, newChat.ChatId, Ct);

        Assert.Equal(1, moved);
        var subscriptions = await Store.Subscriptions.ListForChatAsync(newChat, null, Ct);
        Assert.Equal(["karabakh", "ukraine"], subscriptions.Select(s => s.Topic).Order());
        Assert.Equal(1, subscriptions.Single(s => s.Topic == "karabakh").AlertMinSeverity);
        Assert.Equal(existing.Id, subscriptions.Single(s => s.Topic == "karabakh").Id);
        Assert.Empty(await Store.Subscriptions.ListForChatAsync(Samples.Chat, null, Ct));
    }

    [Fact]
    public async Task Active_subscriptions_are_listed_with_their_settings()
    {
        await Store.Subscriptions.AddAsync(Samples.Subscription() with { AlertsEnabled = true }, Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(chat: new ChatAddress("discord", "1")) with
        {
            Filter = new SubscriptionFilter { MinSeverity = 4 },
        }, Ct);
        await Store.Subscriptions.AddAsync(Samples.Subscription(chat: new ChatAddress("console", "gone")), Ct);
        await Store.Subscriptions.DeactivateChatAsync(new ChatAddress("console", "gone"), "test", Ct);

        var active = await Store.Subscriptions.ListActiveAsync(Ct);

        Assert.Equal(["telegram", "discord"], active.Select(s => s.Chat.Platform));
        Assert.True(active[0].AlertsEnabled);
        Assert.True(active[0].Filter.IsEmpty);
        Assert.Equal(4, active[1].Filter.MinSeverity);
    }
}
