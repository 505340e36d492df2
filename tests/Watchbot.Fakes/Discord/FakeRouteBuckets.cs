using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Watchbot.Fakes.Discord;

/// <summary>Discord's per-route limits as the fake keeps them: each route belongs to a bucket (named by its
/// X-RateLimit-Bucket hash, shared by every route with that hash) counted per top-level resource, in fixed windows.
/// Every answer carries the bucket's headers, as Discord's do.</summary>
public sealed class FakeRouteBuckets
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Counts one request on the bucket and writes its headers; false (the request not counted, a 429 due)
    /// when the window is used up. <paramref name="resetAfter"/> is in seconds.</summary>
    public bool Take(IHeaderDictionary headers, string hash, string major, int limit, TimeSpan window, out double resetAfter)
    {
        var now = DateTimeOffset.UtcNow;
        bool admitted;
        (DateTimeOffset Start, int Count) current;
        lock (gate)
        {
            var key = hash + "|" + major;
            current = windows.TryGetValue(key, out var seen) && now < seen.Start + window ? seen : (now, 0);
            admitted = current.Count < limit;
            if (admitted)
            {
                current.Count++;
            }

            windows[key] = current;
        }

        resetAfter = Math.Max(0, (current.Start + window - now).TotalSeconds);
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (limit - current.Count).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = (now.ToUnixTimeMilliseconds() / 1000.0 + resetAfter).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = hash;
        return admitted;
    }
}
