namespace Watchbot.Fakes.Discord;

/// <summary>What Discord decides about one Identify.</summary>
public enum IdentifyVerdict
{
    Accepted,

    /// <summary>Another Identify with the same rate-limit key came within the window: Discord answers op 9 (not resumable).</summary>
    TooFast,

    /// <summary>No session starts remain today: Discord ends the bot's sessions and resets its token.</summary>
    NoSessionStartsLeft,
}

/// <summary>
/// Discord's two limits on Identify, for the whole bot (every connection of the fake): the day's session starts
/// (<c>session_start_limit</c>: <see cref="Total"/> a period, <see cref="Remaining"/> left, back to the total when the
/// period is over) and <c>max_concurrency</c>: shards are put in buckets by <c>shard_id % max_concurrency</c>, and each
/// bucket may identify once per <see cref="Window"/> (5 s on Discord), so at most max_concurrency identifies start in
/// one window. Every accepted Identify counts against the session starts; a refused one does not.
/// </summary>
public sealed class FakeIdentifyLimits
{
    private readonly Dictionary<int, DateTimeOffset> lastByKey = [];
    private readonly Lock gate = new();
    private int remaining = 999;
    private DateTimeOffset resetAt = DateTimeOffset.UtcNow.AddDays(1);

    public int Total { get; set; } = 1000;

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Discord's identify window is 5 seconds. Tests that identify many times may set a shorter one and say why.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Identifies refused because one with the same key came within the window.</summary>
    public int TooFast => tooFast;

    /// <summary>Identifies that arrived when no session starts remained.</summary>
    public int OverTheDailyLimit => overTheDailyLimit;

    private int tooFast;
    private int overTheDailyLimit;

    public int Remaining
    {
        get
        {
            lock (gate)
            {
                ResetIfDue(DateTimeOffset.UtcNow);
                return remaining;
            }
        }
        set
        {
            lock (gate)
            {
                remaining = value;
            }
        }
    }

    /// <summary>Milliseconds until <see cref="Remaining"/> goes back to <see cref="Total"/>; setting it moves the reset.</summary>
    public long ResetAfterMs
    {
        get
        {
            lock (gate)
            {
                var now = DateTimeOffset.UtcNow;
                ResetIfDue(now);
                return Math.Max(0, (long)Math.Ceiling((resetAt - now).TotalMilliseconds));
            }
        }
        set
        {
            lock (gate)
            {
                resetAt = DateTimeOffset.UtcNow.AddMilliseconds(value);
            }
        }
    }

    /// <summary>Decides on one Identify for shard <paramref name="shardId"/> and counts it if accepted.</summary>
    public IdentifyVerdict Identify(int shardId)
    {
        var now = DateTimeOffset.UtcNow;
        lock (gate)
        {
            ResetIfDue(now);
            if (remaining <= 0)
            {
                overTheDailyLimit++;
                return IdentifyVerdict.NoSessionStartsLeft;
            }

            var key = Math.Abs(shardId) % Math.Max(1, MaxConcurrency);
            if (lastByKey.TryGetValue(key, out var last) && now - last < Window)
            {
                tooFast++;
                return IdentifyVerdict.TooFast;
            }

            lastByKey[key] = now;
            remaining--;
            return IdentifyVerdict.Accepted;
        }
    }

    private void ResetIfDue(DateTimeOffset now)
    {
        if (now >= resetAt)
        {
            remaining = Total;
            resetAt = now.AddDays(1);
        }
    }
}
