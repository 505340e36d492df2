using System.Globalization;

namespace Watchbot.Host.Ingest;

/// <summary>
/// What a feed answered last, kept in the store between runs: its validators (ETag, Last-Modified), sent back as
/// If-None-Match and If-Modified-Since so that an unchanged feed answers 304 and is skipped, and the time it asked to be
/// left alone until (Retry-After on a 429 or 503).
/// </summary>
public sealed record FeedState(string? ETag, string? LastModified, DateTimeOffset? RetryAt)
{
    public static readonly FeedState None = new(null, null, null);

    /// <summary>The text cursor the state of the feed at <paramref name="url"/> is kept under.</summary>
    public static string CursorName(string url) => "feed:" + url;

    public string Write() =>
        string.Join('\n', ETag ?? "", LastModified ?? "", RetryAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "");

    /// <summary>The state written by <see cref="Write"/>; <see cref="None"/> for null or anything else.</summary>
    public static FeedState Read(string? text)
    {
        var parts = (text ?? "").Split('\n');
        if (parts.Length != 3)
        {
            return None;
        }

        return new FeedState(
            parts[0].Length == 0 ? null : parts[0],
            parts[1].Length == 0 ? null : parts[1],
            DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null);
    }
}
