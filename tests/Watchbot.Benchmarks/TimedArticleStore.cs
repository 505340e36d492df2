using System.Diagnostics;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;

namespace Watchbot.Benchmarks;

/// <summary>
/// The article store with a clock on each call the ingest makes, so the benchmark can say how much of an ingest is the
/// store (the duplicate check before extraction, the batch's transaction, and the planning inside it) and how much is
/// the rest. Wall time of the calls; they run one at a time, on the thread that feeds the batch.
/// </summary>
internal sealed class TimedArticleStore(IArticleStore inner) : IArticleStore
{
    private long findTicks;
    private long batchTicks;
    private long planTicks;

    public TimeSpan Find => Stopwatch.GetElapsedTime(0, findTicks);

    public TimeSpan Batch => Stopwatch.GetElapsedTime(0, batchTicks);

    public TimeSpan Plan => Stopwatch.GetElapsedTime(0, planTicks);

    public Task<(StoredArticle Article, bool Added)> AddAsync(ArticleDraft article, DateTimeOffset readAt, CancellationToken cancellationToken) =>
        inner.AddAsync(article, readAt, cancellationToken);

    public Task<ArticleIngestResult> IngestAsync(ArticleIngest ingest, CancellationToken cancellationToken) => inner.IngestAsync(ingest, cancellationToken);

    public async Task<IReadOnlyList<ArticleIngestResult>> IngestBatchAsync(IReadOnlyList<PreparedArticle> batch, IngestPlanning plan,
        IReadOnlySet<string> regions, CancellationToken cancellationToken, IReadOnlyList<FetchRecord>? fetched = null)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.IngestBatchAsync(batch, Timed(plan), regions, cancellationToken, fetched).ConfigureAwait(false);
        }
        finally
        {
            batchTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    public async Task<StoredArticle?> FindAsync(string? contentHash, string? url, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.FindAsync(contentHash, url, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            findTicks += Stopwatch.GetTimestamp() - start;
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    private IngestPlanning Timed(IngestPlanning plan) => (article, candidates) =>
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return plan(article, candidates);
        }
        finally
        {
            planTicks += Stopwatch.GetTimestamp() - start;
        }
    };
}
