using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Services;

public sealed class DeliveryServiceTests : IDisposable
{
    private readonly StoreFixture f = new();
    private static readonly CancellationToken None = CancellationToken.None;

    private Task<long> QueueAsync(string chat, string text) =>
        f.Store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("test", chat), OutgoingMessage.Reply(text)), None);

    [Fact]
    public async Task Messages_arrive_in_order_within_each_chat()
    {
        for (var i = 0; i < 5; i++)
        {
            await QueueAsync("a", $"a{i}");
            await QueueAsync("b", $"b{i}");
        }

        var transport = new FakeTransport();
        await f.Delivery.DrainAsync(transport, None);

        Assert.Equal(["a0", "a1", "a2", "a3", "a4"], transport.Delivered.Where(d => d.Chat.ChatId == "a").Select(d => d.Message.ToPlainText()));
        Assert.Equal(["b0", "b1", "b2", "b3", "b4"], transport.Delivered.Where(d => d.Chat.ChatId == "b").Select(d => d.Message.ToPlainText()));
    }

    [Fact]
    public async Task A_passing_failure_is_retried_after_the_platforms_delay_and_keeps_the_order()
    {
        await QueueAsync("a", "first");
        await QueueAsync("a", "second");
        var transport = new FakeTransport();
        transport.Script("a", new DeliveryResult.Retry(TimeSpan.FromSeconds(30), "429 retry_after 30"));

        await f.Delivery.DrainAsync(transport, None);
        Assert.Empty(transport.Delivered);
        f.Clock.Advance(TimeSpan.FromSeconds(29));
        await f.Delivery.DrainAsync(transport, None);
        Assert.Empty(transport.Delivered);
        f.Clock.Advance(TimeSpan.FromSeconds(2));
        await f.Delivery.DrainAsync(transport, None);

        Assert.Equal(["first", "second"], transport.Delivered.Select(d => d.Message.ToPlainText()));
    }

    [Fact]
    public async Task A_broken_chat_never_holds_up_the_others()
    {
        await QueueAsync("broken", "lost cause");
        for (var i = 0; i < 20; i++)
        {
            await QueueAsync($"ok{i}", "hello");
        }

        var transport = new FakeTransport { Always = chat => chat == "broken" ? new DeliveryResult.Retry(TimeSpan.FromMinutes(5), "502") : null };
        await f.Delivery.DrainAsync(transport, None);

        Assert.Equal(20, transport.Delivered.Count);
    }

    [Fact]
    public async Task A_chat_whose_send_hangs_holds_one_slot_and_the_other_chats_get_all_their_messages_meanwhile()
    {
        await QueueAsync("hangs", "never answered");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                await QueueAsync($"ok{i}", $"message {round}");
            }
        }

        var transport = new FakeTransport { Hangs = chat => chat == "hangs" };
        using var stop = new CancellationTokenSource();
        var drain = f.Delivery.DrainAsync(transport, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (transport.Delivered.Count < 60 && DateTime.UtcNow < deadline && !drain.IsCompleted)
        {
            await Task.Delay(20);
        }

        Assert.Equal(60, transport.Delivered.Count);
        Assert.False(drain.IsCompleted, "the drain should still be waiting for the hanging chat");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);
        Assert.Equal(1, await f.Store.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_the_last_attempt()
    {
        f.DeliverySettings = new DeliverySettings { MaxAttempts = 3, RetryBase = TimeSpan.FromSeconds(1) };
        var id = await QueueAsync("a", "doomed");
        await QueueAsync("a", "next");
        var transport = new FakeTransport { Always = chat => new DeliveryResult.Retry(TimeSpan.Zero, "timeout") };

        for (var i = 0; i < 5; i++)
        {
            await f.Delivery.DrainAsync(transport, None);
            f.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(OutboxStatus.Failed, (await f.Store.Outbox.GetAsync(id, None))!.Status);
        Assert.Equal(6, transport.Calls); // three tries of each message, none more
    }

    [Fact]
    public async Task A_refused_message_is_not_retried()
    {
        var id = await QueueAsync("a", "bad");
        var transport = new FakeTransport();
        transport.Script("a", new DeliveryResult.Failed("400 message is too long"));

        await f.Delivery.DrainAsync(transport, None);
        f.Clock.Advance(TimeSpan.FromHours(1));
        await f.Delivery.DrainAsync(transport, None);

        Assert.Equal(1, transport.Calls);
        Assert.Equal(OutboxStatus.Failed, (await f.Store.Outbox.GetAsync(id, None))!.Status);
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_loses_its_subscriptions_and_queue()
    {
        var subscription = await f.SubscribeAsync("gone");
        await QueueAsync("gone", "one");
        await QueueAsync("gone", "two");
        var transport = new FakeTransport();
        transport.Script("gone", new DeliveryResult.ChatGone("403 bot was blocked by the user"));

        var result = await f.Delivery.DrainAsync(transport, None);

        Assert.Equal(1, result.ChatsGone);
        Assert.Equal(1, transport.Calls);
        Assert.False((await f.Store.Subscriptions.GetAsync(subscription.Id, None))!.Active);
        Assert.Equal(0, await f.Store.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_chat_that_moved_gets_its_message_at_the_new_address()
    {
        var subscription = await f.SubscribeAsync("-100");
        await QueueAsync("-100", "hello");
        var transport = new FakeTransport();
        transport.Script("-100", new DeliveryResult.ChatMoved("-1009999999999"));

        await f.Delivery.DrainAsync(transport, None);

        Assert.Equal("-1009999999999", Assert.Single(transport.Delivered).Chat.ChatId);
        Assert.Equal("-1009999999999", (await f.Store.Subscriptions.GetAsync(subscription.Id, None))!.Chat.ChatId);
    }

    [Fact]
    public async Task Two_drains_at_once_send_each_message_once()
    {
        for (var i = 0; i < 50; i++)
        {
            await QueueAsync($"c{i % 10}", $"m{i}");
        }

        var transport = new FakeTransport();
        var delivery = f.Delivery;
        await Task.WhenAll(delivery.DrainAsync(transport, None), delivery.DrainAsync(transport, None));

        Assert.Equal(50, transport.Delivered.Count);
        Assert.Equal(50, transport.Delivered.Select(d => d.Message.ToPlainText()).Distinct().Count());
    }

    public void Dispose() => f.Dispose();
}
