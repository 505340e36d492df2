using Watchbot.Telegram.Sending;
using Watchbot.Telegram.Tests.Support;

namespace Watchbot.Telegram.Tests;

public sealed class RateLimiterTests
{
    private readonly ManualTime time = new(new DateTimeOffset(2020, 10, 4, 7, 0, 0, TimeSpan.Zero));

    private TelegramRateLimiter Limiter(Action<TelegramOptions>? change = null)
    {
        var options = new TelegramOptions();
        change?.Invoke(options);
        return new TelegramRateLimiter(options, time);
    }

    [Fact]
    public void A_second_message_to_one_chat_waits_a_second()
    {
        var limiter = Limiter();

        Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(42, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.ReserveChat(42, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(43, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_group_gets_at_most_twenty_messages_a_minute()
    {
        var limiter = Limiter(o => o.PerChatInterval = TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(-100, TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(TimeSpan.FromMinutes(1), limiter.ReserveChat(-100, TimeSpan.FromSeconds(5)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(-100, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_private_chat_is_not_held_to_the_group_limit()
    {
        var limiter = Limiter(o => o.PerChatInterval = TimeSpan.Zero);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(100, TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public void A_wait_beyond_the_inline_limit_reserves_nothing()
    {
        var limiter = Limiter();
        limiter.PauseChat(42, TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), limiter.ReserveChat(42, TimeSpan.FromSeconds(5)));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, limiter.ReserveChat(42, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void The_global_window_lets_thirty_through_and_holds_the_thirty_first_just_over_a_second()
    {
        var limiter = Limiter();

        var waits = Enumerable.Range(0, 31).Select(_ => limiter.TryTakeGlobal()).ToList();

        Assert.All(waits.Take(30), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.True(waits[30] > TimeSpan.FromSeconds(1), waits[30].ToString());
        Assert.True(waits[30] < TimeSpan.FromSeconds(1.05), waits[30].ToString());
        time.Advance(waits[30]);
        Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
    }

    [Fact]
    public void A_global_pause_holds_every_chat()
    {
        var limiter = Limiter();
        limiter.PauseAll(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.TryTakeGlobal());
    }

    [Fact]
    public void Idle_chats_are_forgotten()
    {
        var limiter = Limiter();
        for (var i = 1; i <= 100; i++)
        {
            limiter.ReserveChat(i, TimeSpan.FromSeconds(5));
        }

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(100, limiter.Prune());
        Assert.Equal(0, limiter.TrackedChats);
    }
}
