using System.Collections.Concurrent;

namespace Watchbot.Telegram.Sending;

/// <summary>
/// Telegram's limits, kept by the sender: a sliding window for all chats together (30 a second), at most one message a
/// second to one chat, at most 20 a minute to one group, and pauses after a 429 (one chat, or all). Every method
/// reserves a slot and says how long to wait for it; nothing here sleeps.
/// </summary>
public sealed class TelegramRateLimiter
{
    /// <summary>The global window is kept this much longer than Telegram's, so network jitter never lands 31 messages
    /// in Telegram's one-second window.</summary>
    public const double PaceMargin = 0.03;

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

    public TelegramRateLimiter(TelegramOptions options, TimeProvider time)
    {
        this.time = time;
        globalPerWindow = Math.Max(1, (int)Math.Floor(options.GlobalPerSecond));
        globalWindow = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond * globalPerWindow / options.GlobalPerSecond * (1 + PaceMargin)));
        perChatInterval = options.PerChatInterval;
        groupPerMinute = options.GroupPerMinute;
    }

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

    /// <summary>Takes a global slot now (returns zero) or says how long to wait before asking again. A sliding window:
    /// at most GlobalPerSecond sends in any window, taken right before the request goes out.</summary>
    public TimeSpan TryTakeGlobal()
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

            if (globalRecent.Count < globalPerWindow)
            {
                globalRecent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return globalRecent.Peek() + globalWindow - now;
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
