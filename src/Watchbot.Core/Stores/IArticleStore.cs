namespace Watchbot.Core.Stores;

/// <summary>An article as read from a source, before it is stored.</summary>
public sealed record ArticleDraft(
    string Origin,
    string? Url,
    string Title,
    string? Author,
    DateOnly Published,
    bool DateFound,
    string Body,
    string ContentHash);

public sealed record StoredArticle(long Id, ArticleDraft Article, DateTimeOffset ReadAt);

public interface IArticleStore
{
    /// <summary>Stores the article unless one with the same content hash or origin URL is there; returns the stored one and whether it was new.</summary>
    Task<(StoredArticle Article, bool Added)> AddAsync(ArticleDraft article, DateTimeOffset readAt, CancellationToken cancellationToken);

    /// <summary>Stores the article, adds its new events and applies its merges in one transaction; a duplicate article or
    /// a merge target that changed since it was read writes nothing.</summary>
    Task<ArticleIngestResult> IngestAsync(ArticleIngest ingest, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several articles in one transaction, each in turn: one already stored (by content hash or URL, including one
    /// earlier in the batch) is a duplicate; otherwise its merge candidates are read inside the transaction (see
    /// <see cref="IngestPlanning"/>), <paramref name="plan"/> decides, and the article with its new events and merges is
    /// written. All of the batch is stored or none of it; results are in the batch's order. <paramref name="regions"/> are
    /// the places too large to say by themselves that two escalations are the same one (no candidate is read for them).
    /// A duplicate with a URL of its own is kept in the fetch log (<see cref="IFetchLog"/>) as one, and so are
    /// <paramref name="fetched"/>, in the same transaction: a URL is known as fetched exactly when what it gave is stored.
    /// </summary>
    Task<IReadOnlyList<ArticleIngestResult>> IngestBatchAsync(
        IReadOnlyList<PreparedArticle> batch, IngestPlanning plan, IReadOnlySet<string> regions, CancellationToken cancellationToken,
        IReadOnlyList<FetchRecord>? fetched = null);

    /// <summary>The stored article with this content hash, or (when <paramref name="url"/> is given) this URL.</summary>
    Task<StoredArticle?> FindAsync(string? contentHash, string? url, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
