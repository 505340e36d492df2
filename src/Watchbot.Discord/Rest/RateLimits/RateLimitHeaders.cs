using System.Globalization;
using System.Net.Http.Headers;

namespace Watchbot.Discord.Rest.RateLimits;

/// <summary>The X-RateLimit-* headers of one answer. Reset-After is in seconds, with decimals.</summary>
public sealed record RateLimitHeaders(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, bool Global, string? Scope)
{
    public bool HasBucketInfo => Remaining is not null && ResetAfter is not null;

    public static RateLimitHeaders From(HttpResponseHeaders headers) => new(
        Text(headers, "X-RateLimit-Bucket"),
        Int(Text(headers, "X-RateLimit-Limit")),
        Int(Text(headers, "X-RateLimit-Remaining")),
        Seconds(Text(headers, "X-RateLimit-Reset-After")),
        string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Text(headers, "X-RateLimit-Scope"));

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 86_400
            ? TimeSpan.FromSeconds(value)
            : null;
}
