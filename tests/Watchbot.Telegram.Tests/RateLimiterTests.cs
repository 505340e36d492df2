using Watchbot.Telegram.Sending;
using Watchbot.Telegram.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Telegram.Tests;

public sealed class RateLimiterTests
{
    private readonly ManualClock time = new(new DateTimeOffset(2020, 10, 4, 7, 0, 0, TimeSpan.Zero));

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
    public void A_reply_waiting_for_a_global_slot_takes_the_next_one_ahead_of_bulk_sends()
    {
        var limiter = Limiter(o => o.GlobalPerSecond = 2);
        Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
        Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
        limiter.ReleaseGlobal();
        limiter.ReleaseGlobal();

        using (limiter.ReplyWaiting())
        {
            Assert.True(limiter.TryTakeGlobal(reply: true) > TimeSpan.Zero, "the window is full");
            time.Advance(limiter.GlobalWindow);
            Assert.Equal(TelegramRateLimiter.YieldToReplies, limiter.TryTakeGlobal());
            Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal(reply: true));
        }

        Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
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
    public void The_global_window_lets_thirty_through_and_holds_the_thirty_first_a_window_after_the_answers()
    {
        var limiter = Limiter();

        var waits = Enumerable.Range(0, 31).Select(_ => limiter.TryTakeGlobal()).ToList();

        Assert.All(waits.Take(30), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(limiter.GlobalWindow, waits[30]);
        Assert.InRange(limiter.GlobalWindow, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.02));

        // The answers come back 200 ms later: the window runs from then, not from the sends.
        time.Advance(TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 30; i++)
        {
            limiter.ReleaseGlobal();
        }

        Assert.Equal(limiter.GlobalWindow, limiter.TryTakeGlobal());
        time.Advance(limiter.GlobalWindow - TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.FromTicks(1), limiter.TryTakeGlobal());
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
    }

    [Fact]
    public void Requests_still_in_flight_keep_their_slots_however_long_they_take()
    {
        var limiter = Limiter();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
        }

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(limiter.GlobalWindow, limiter.TryTakeGlobal());
        limiter.ReleaseGlobal();
        time.Advance(limiter.GlobalWindow);
        Assert.Equal(TimeSpan.Zero, limiter.TryTakeGlobal());
        Assert.Equal(limiter.GlobalWindow, limiter.TryTakeGlobal());
    }

    /// <summary>
    /// The benchmark's 429s, replayed on a hand-moved clock: eight senders, each request arriving at Telegram some
    /// random time after it starts (up to 80 ms: a busy thread pool, a GC pause, a slow connection) and answered
    /// some time after that. Telegram's (and the fake's) rule is at most 30 arrivals in any one-second window; the
    /// limiter must keep it whatever the delays, and still use most of the rate.
    /// </summary>
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 80, 0)]
    [InlineData(3, 80, 40)]
    [InlineData(4, 5, 200)]
    [InlineData(5, 300, 300)]
    public void No_second_ever_holds_more_than_thirty_arrivals_whatever_the_network_delays(int seed, int maxToArrivalMs, int maxToAnswerMs)
    {
        const int Senders = 8, Messages = 600, Limit = 30;
        var limiter = Limiter(o => o.GlobalPerSecond = Limit);
        var random = new Random(seed);
        var events = new PriorityQueue<bool, (DateTimeOffset At, long Order)>();
        var order = 0L;
        for (var i = 0; i < Senders; i++)
        {
            events.Enqueue(false, (time.GetUtcNow(), order++));
        }

        var arrivals = new List<DateTimeOffset>();
        var started = 0;
        for (var step = 0; step < 100_000 && events.TryDequeue(out var isAnswer, out var when); step++)
        {
            time.Advance(when.At - time.GetUtcNow());
            if (isAnswer)
            {
                limiter.ReleaseGlobal();
                events.Enqueue(false, (time.GetUtcNow(), order++));
                continue;
            }

            if (started == Messages)
            {
                continue;
            }

            var wait = limiter.TryTakeGlobal();
            if (wait > TimeSpan.Zero)
            {
                events.Enqueue(false, (time.GetUtcNow() + wait, order++));
                continue;
            }

            started++;
            var arrival = time.GetUtcNow() + TimeSpan.FromMilliseconds(random.Next(0, maxToArrivalMs + 1));
            arrivals.Add(arrival);
            events.Enqueue(true, (arrival + TimeSpan.FromMilliseconds(random.Next(0, maxToAnswerMs + 1)), order++));
        }

        Assert.Equal(Messages, arrivals.Count);
        arrivals.Sort();
        for (var i = Limit; i < arrivals.Count; i++)
        {
            Assert.True(arrivals[i] - arrivals[i - Limit] >= TimeSpan.FromSeconds(1),
                $"arrivals {i - Limit} and {i} are {(arrivals[i] - arrivals[i - Limit]).TotalMilliseconds} ms apart");
        }

        // Each slot is busy for a window plus one round trip, so the rate is Limit / (window + round trip).
        var roundTrip = TimeSpan.FromMilliseconds(maxToArrivalMs + maxToAnswerMs);
        var rate = (Messages - Limit) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        Assert.True(rate >= Limit / (limiter.GlobalWindow + roundTrip).TotalSeconds * 0.99, $"{rate:0.00} messages a second");
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
