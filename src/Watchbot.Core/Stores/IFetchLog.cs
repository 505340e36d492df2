namespace Watchbot.Core.Stores;

/// <summary>What became of an article URL that was fetched, so that no run fetches it again without reason.</summary>
public enum FetchVerdict
{
    /// <summary>Its article is stored (read from the articles themselves, never written to the log).</summary>
    Stored,

    /// <summary>Its text was already stored under another file or URL.</summary>
    Duplicate,

    /// <summary>It failed for good: a 4xx answer such as 404 or 410, a page above the size limit, or text that is not an article.</summary>
    Gone,

    /// <summary>It failed in a way that may pass (5xx, a time-out, a broken connection): asked again after a wait, a bounded number of times.</summary>
    Failing,
}

/// <param name="Attempts">Fetches that failed in a row (0 for a stored or duplicate page).</param>
/// <param name="NotBefore">When a failing URL may be asked again; null when it may not be asked again at all.</param>
public sealed record FetchRecord(string Url, FetchVerdict Verdict, int Attempts, string? Reason, DateTimeOffset LastAt, DateTimeOffset? NotBefore);

/// <summary>The article URLs fetched before and what became of them (<see cref="FetchPolicy"/> decides what may be fetched).</summary>
public interface IFetchLog
{
    /// <summary>What became of <paramref name="url"/>: <see cref="FetchVerdict.Stored"/> when an article is stored under it,
    /// its record when one was written, null when it was never fetched.</summary>
    Task<FetchRecord?> FindAsync(string url, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="record"/> in place of the URL's last one.</summary>
    Task RecordAsync(FetchRecord record, CancellationToken cancellationToken);
}
