namespace Watchbot.Discord.Rest.RateLimits;

/// <summary>Counts 401, 403 and 429 answers over the last 10 minutes. Discord bans an IP for a while at 10,000;
/// the client stops calling well before that, at the configured budget.</summary>
public sealed class InvalidRequestBudget(int budget, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Queue<DateTimeOffset> seen = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                Trim(time.GetUtcNow());
                return seen.Count;
            }
        }
    }

    public void Record()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            seen.Enqueue(now);
        }
    }

    /// <summary>Null while calls may go on; otherwise how long until the oldest counted answer leaves the window.</summary>
    public TimeSpan? Exhausted()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            return seen.Count >= budget ? seen.Peek() + Window - now : null;
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (seen.Count > 0 && seen.Peek() + Window <= now)
        {
            seen.Dequeue();
        }
    }
}
