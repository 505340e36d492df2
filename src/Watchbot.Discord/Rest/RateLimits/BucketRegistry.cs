using System.Collections.Concurrent;

namespace Watchbot.Discord.Rest.RateLimits;

/// <summary>Finds the bucket of a request: the route's X-RateLimit-Bucket hash once Discord named it (routes that
/// share a hash share a limit), the route itself before that, each per top-level resource. Every interaction and
/// channel gets buckets of its own, so buckets idle for <see cref="IdleAfter"/> are swept at most that often (as
/// Discord.Net sweeps every minute), or the registry would only grow.</summary>
public sealed class BucketRegistry(TimeProvider time)
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, string> hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new(StringComparer.Ordinal);
    private long nextSweepTicks = (time.GetUtcNow() + IdleAfter).UtcTicks;

    public int Count => buckets.Count;

    public RateLimitBucket For(string route, string majorParameter)
    {
        SweepIfDue();
        var bucket = buckets.GetOrAdd(Key(route, majorParameter), _ => new RateLimitBucket(time));
        bucket.Touch();
        return bucket;
    }

    /// <summary>Forgets every bucket idle since a minute ago; returns how many.</summary>
    public int Sweep()
    {
        var cutoff = time.GetUtcNow() - IdleAfter;
        var swept = 0;
        foreach (var entry in buckets)
        {
            if (entry.Value.IsIdle(cutoff) && buckets.TryRemove(entry))
            {
                swept++;
            }
        }

        return swept;
    }

    private void SweepIfDue()
    {
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now >= due && Interlocked.CompareExchange(ref nextSweepTicks, now + IdleAfter.Ticks, due) == due)
        {
            Sweep();
        }
    }

    /// <summary>Learns the route's hash; returns true when this moved the route to another bucket.</summary>
    public bool Learn(string route, string? hash)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }

        var previous = hashes.GetValueOrDefault(route);
        hashes[route] = hash;
        return previous != hash;
    }

    private string Key(string route, string majorParameter) =>
        (hashes.TryGetValue(route, out var hash) ? "hash:" + hash : "route:" + route) + "|" + majorParameter;
}
