namespace Watchbot.Core.Stores;

/// <summary>
/// Whether an article URL may be fetched, given what became of it before. A page stored, a duplicate of a stored text or
/// gone for good is never fetched again. A page that failed in a way that may pass is asked again after 15 minutes, then
/// 1 hour, then 4 hours (or later when the server's Retry-After says so), and given up after <see cref="MaxAttempts"/> failures.
/// </summary>
public static class FetchPolicy
{
    public const int MaxAttempts = 4;

    /// <summary>The wait after the first failure; each further failure waits four times as long.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(15);

    public static bool MayFetch(FetchRecord? record, DateTimeOffset now) =>
        record is null || (record.Verdict == FetchVerdict.Failing && record.NotBefore is { } notBefore && notBefore <= now);

    /// <summary>True when the URL may be fetched in a later run but not now: a feed that links to it is not read whole.</summary>
    public static bool Waiting(FetchRecord? record, DateTimeOffset now) =>
        record is { Verdict: FetchVerdict.Failing, NotBefore: { } notBefore } && notBefore > now;

    /// <summary>The record after a failed fetch of <paramref name="url"/>.</summary>
    /// <param name="permanent">The failure will not pass (a 4xx answer, too large, not an article).</param>
    /// <param name="retryAt">When the server asked to be asked again (Retry-After), if it did.</param>
    public static FetchRecord Failed(FetchRecord? previous, string url, string reason, bool permanent, DateTimeOffset now, DateTimeOffset? retryAt = null)
    {
        var attempts = (previous is { Verdict: FetchVerdict.Failing } ? previous.Attempts : 0) + 1;
        if (permanent)
        {
            return new FetchRecord(url, FetchVerdict.Gone, attempts, reason, now, null);
        }

        if (attempts >= MaxAttempts)
        {
            return new FetchRecord(url, FetchVerdict.Failing, attempts, reason, now, null);
        }

        var notBefore = now + FirstWait * Math.Pow(4, attempts - 1);
        return new FetchRecord(url, FetchVerdict.Failing, attempts, reason, now, retryAt > notBefore ? retryAt : notBefore);
    }

    /// <summary>The record of a page whose text was already stored under another file or URL.</summary>
    public static FetchRecord Duplicate(string url, DateTimeOffset now) => new(url, FetchVerdict.Duplicate, 0, null, now, null);
}
