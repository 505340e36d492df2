namespace Watchbot.Core.Commands;

/// <summary>Per-person flood control: a token bucket per sender. Pure bookkeeping; the caller passes the time.</summary>
public sealed class CommandRateLimiter(int burst = 8, TimeSpan? refillEvery = null)
{
    private readonly TimeSpan refill = refillEvery ?? TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, Bucket> buckets = [];
    private readonly Lock gate = new();

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset Updated;
        public bool Warned;
    }

    public enum Verdict { Allowed, LimitedWarn, LimitedSilent }

    /// <summary>Allowed, or limited: the first refusal of a flood is answered, the rest are not.</summary>
    public (Verdict Verdict, TimeSpan RetryAfter) Check(string senderKey, DateTimeOffset now)
    {
        lock (gate)
        {
            if (buckets.Count > 50_000)
            {
                Prune(now);
            }

            if (!buckets.TryGetValue(senderKey, out var bucket))
            {
                buckets[senderKey] = bucket = new Bucket { Tokens = burst, Updated = now };
            }

            var elapsed = Math.Max(0, (now - bucket.Updated).TotalSeconds);
            bucket.Tokens = Math.Min(burst, bucket.Tokens + elapsed / refill.TotalSeconds);
            bucket.Updated = now > bucket.Updated ? now : bucket.Updated; // send times may arrive out of order; never refill twice
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Warned = false;
                return (Verdict.Allowed, TimeSpan.Zero);
            }

            var wait = TimeSpan.FromSeconds(Math.Ceiling((1 - bucket.Tokens) * refill.TotalSeconds));
            if (bucket.Warned)
            {
                return (Verdict.LimitedSilent, wait);
            }

            bucket.Warned = true;
            return (Verdict.LimitedWarn, wait);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in buckets.Where(b => now - b.Value.Updated > refill * burst * 2).Select(b => b.Key).ToList())
        {
            buckets.Remove(key);
        }
    }
}
