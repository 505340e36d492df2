using System.Collections.Concurrent;

namespace Watchbot.Discord.Rest.RateLimits;

/// <summary>Finds the bucket of a request: the route's X-RateLimit-Bucket hash once Discord named it (routes that
/// share a hash share a limit), the route itself before that, each per top-level resource.</summary>
public sealed class BucketRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> buckets = new(StringComparer.Ordinal);

    public int Count => buckets.Count;

    public RateLimitBucket For(string route, string majorParameter) =>
        buckets.GetOrAdd(Key(route, majorParameter), _ => new RateLimitBucket(time));

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
