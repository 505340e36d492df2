using System.Collections.Concurrent;

namespace Watchbot.Telegram.Sending;

/// <summary>
/// Telegram's limits, kept by the sender: at most GlobalPerSecond messages in any one-second window for all chats
/// together, at most one message a second to one chat, at most 20 a minute to one group, and pauses after a 429 (one
/// chat, or all). Every method reserves a slot and says how long to wait for it; nothing here sleeps.
/// </summary>
/// <remarks>
/// The global window counts a message from the moment its answer came back, not from the moment it was sent.
/// Telegram counts a message when it arrives, and all the sender knows for certain is that it arrived after the
/// request started and before the answer came back. Charging the window from the answer means that the 31st request
/// starts at least a second after the 1st one arrived, whatever the network, the thread pool or a GC pause did to
/// either of them; charging it from the start (as this class once did) let a late-arriving first message and a
/// prompt 31st land 0.98 s apart, which Telegram (and the fake) answer with 429. Requests still in flight hold their
/// slot until they are released.
/// </remarks>
public sealed class TelegramRateLimiter
{
    /// <summary>The global window is kept this much longer than a second. Not for network jitter (counting from the
    /// answer covers that) but for Telegram's "about 30 a second" being a little less on a bad day.</summary>
    public const double PaceMargin = 0.01;

    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, ChatState> chats = new();
    private readonly Lock globalGate = new();
    private readonly TimeProvider time;
    private readonly int globalPerWindow;
    private readonly TimeSpan globalWindow;
    private readonly Queue<DateTimeOffset> globalRecent = new();
    private readonly TimeSpan perChatInterval;
    private readonly int groupPerMinute;
    private DateTimeOffset globalPause = DateTimeOffset.MinValue;
    private int globalInFlight;
    private DateTimeOffset lastReleased = DateTimeOffset.MinValue;

    public TelegramRateLimiter(TelegramOptions options, TimeProvider time)
    {
        this.time = time;
        globalPerWindow = Math.Max(1, (int)Math.Floor(options.GlobalPerSecond));
        globalWindow = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond * globalPerWindow / options.GlobalPerSecond * (1 + PaceMargin)));
        perChatInterval = options.PerChatInterval;
        groupPerMinute = options.GroupPerMinute;
    }

    /// <summary>The length of the global window (GlobalPerSecond messages fit in it).</summary>
    public TimeSpan GlobalWindow => globalWindow;

    /// <summary>Groups and channels have negative ids on Telegram.</summary>
    public static bool IsGroup(long chatId) => chatId < 0;

    /// <summary>Reserves the chat's next slot if it comes within <paramref name="maxWait"/>, and returns the wait.
    /// A longer wait is returned without reserving anything: the caller hands the message back for later.</summary>
    public TimeSpan ReserveChat(long chatId, TimeSpan maxWait)
    {
        var now = time.GetUtcNow();
        var state = chats.GetOrAdd(chatId, _ => new ChatState());
        lock (state)
        {
            var slot = Max(now, Max(state.Next, state.PausedUntil));
            if (IsGroup(chatId))
            {
                while (state.Recent.Count > 0 && state.Recent.Peek() <= now - GroupWindow)
                {
                    state.Recent.Dequeue();
                }

                if (state.Recent.Count >= groupPerMinute)
                {
                    slot = Max(slot, state.Recent.ElementAt(state.Recent.Count - groupPerMinute) + GroupWindow);
                }
            }

            var wait = slot - now;
            if (wait > maxWait)
            {
                return wait;
            }

            state.Next = slot + perChatInterval;
            state.LastUsed = now;
            if (IsGroup(chatId))
            {
                state.Recent.Enqueue(slot);
            }

            return wait;
        }
    }

    /// <summary>Takes a global slot now (returns zero) or says how long to wait before asking again. A taken slot
    /// must be given back with <see cref="ReleaseGlobal"/> once the request is answered (or failed): the window counts
    /// it from then. At most GlobalPerSecond requests are in flight or answered within the last window.</summary>
    /// <remarks>A reply to a person goes first: while one waits (<see cref="ReplyWaiting"/>), a bulk request is told
    /// to wait <see cref="YieldToReplies"/> even if a slot is free, so the next free slot is the reply's.</remarks>
    public TimeSpan TryTakeGlobal(bool reply = false)
    {
        var now = time.GetUtcNow();
        lock (globalGate)
        {
            if (globalPause > now)
            {
                return globalPause - now;
            }

            while (globalRecent.Count > 0 && globalRecent.Peek() <= now - globalWindow)
            {
                globalRecent.Dequeue();
            }

            if (!reply && repliesWaiting > 0)
            {
                return YieldToReplies;
            }

            if (globalRecent.Count + globalInFlight < globalPerWindow)
            {
                globalInFlight++;
                return TimeSpan.Zero;
            }

            // Every slot is in flight: none frees up before a window after an answer that has not come yet.
            return globalRecent.Count > 0 ? globalRecent.Peek() + globalWindow - now : globalWindow;
        }
    }

    /// <summary>How long a bulk request waits before asking again while a reply waits for a slot.</summary>
    public static readonly TimeSpan YieldToReplies = TimeSpan.FromMilliseconds(20);

    private int repliesWaiting;

    /// <summary>Marks a reply to a person as waiting for a global slot until disposed; bulk sends yield to it.</summary>
    public IDisposable ReplyWaiting()
    {
        Interlocked.Increment(ref repliesWaiting);
        return new Waiting(this);
    }

    private sealed class Waiting(TelegramRateLimiter limiter) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref limiter.repliesWaiting);
            }
        }
    }

    /// <summary>Gives back a slot taken with <see cref="TryTakeGlobal"/>: the request was answered (or failed) now,
    /// so Telegram has counted it by now, and it leaves the window a full window later.</summary>
    public void ReleaseGlobal()
    {
        var now = time.GetUtcNow();
        lock (globalGate)
        {
            if (globalInFlight > 0)
            {
                globalInFlight--;
            }

            // The clock may step back (NTP); the queue stays in order so the oldest is always at its head.
            lastReleased = Max(lastReleased, now);
            globalRecent.Enqueue(lastReleased);
        }
    }

    /// <summary>After a 429 for one chat: nothing goes to it until the pause is over.</summary>
    public void PauseChat(long chatId, TimeSpan pause)
    {
        var until = time.GetUtcNow() + pause;
        var state = chats.GetOrAdd(chatId, _ => new ChatState());
        lock (state)
        {
            state.PausedUntil = Max(state.PausedUntil, until);
            state.LastUsed = time.GetUtcNow();
        }
    }

    /// <summary>After a 429 that hit the bot as a whole: nothing goes to anyone until the pause is over.</summary>
    public void PauseAll(TimeSpan pause)
    {
        var until = time.GetUtcNow() + pause;
        lock (globalGate)
        {
            globalPause = Max(globalPause, until);
        }
    }

    /// <summary>How long until the chat may be sent to (0 when now), without reserving.</summary>
    public TimeSpan ChatPause(long chatId)
    {
        if (!chats.TryGetValue(chatId, out var state))
        {
            return TimeSpan.Zero;
        }

        lock (state)
        {
            var wait = state.PausedUntil - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>Forgets chats idle for longer than every window, so memory stays flat however many chats there are.</summary>
    public int Prune()
    {
        var cutoff = time.GetUtcNow() - GroupWindow - perChatInterval;
        var removed = 0;
        foreach (var (id, state) in chats)
        {
            bool idle;
            lock (state)
            {
                idle = state.LastUsed < cutoff && state.PausedUntil < cutoff && state.Next < cutoff;
            }

            if (idle && chats.TryRemove(id, out _))
            {
                removed++;
            }
        }

        return removed;
    }

    public int TrackedChats => chats.Count;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class ChatState
    {
        public DateTimeOffset Next = DateTimeOffset.MinValue;
        public DateTimeOffset PausedUntil = DateTimeOffset.MinValue;
        public DateTimeOffset LastUsed = DateTimeOffset.MinValue;
        public readonly Queue<DateTimeOffset> Recent = new();
    }
}
