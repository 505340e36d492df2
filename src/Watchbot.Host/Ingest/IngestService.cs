using Watchbot.Core.Messages;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Events;
using Watchbot.Core.Storage;
using Watchbot.Core.Topics;
using Watchbot.Extraction;
using Watchbot.Extraction.Curation;
using Watchbot.Extraction.Parsing;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Ingest;

/// <summary>
/// Reads sources, parses and extracts each article, and stores articles with their events in batched transactions: an
/// article and everything read from it are stored together with the rest of its batch or not at all, so an ingest killed
/// half-way leaves whole articles, which the next run finds stored and does not read again. An article already stored is
/// not extracted again; a bad one is logged with its reason and skipped; the rest go on.
/// </summary>
public sealed class IngestService(
    SourceReader reader,
    IArticleStore articles,
    IFetchLog fetchLog,
    ICursorStore cursors,
    ITopicStore topics,
    Lazy<Extractor> extractor,
    IngestOptions options,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    /// <summary>A batch is stored when it holds Watchbot:Ingest:BatchArticles articles, or this much article text,</summary>
    private const long BatchBytes = 4 * 1024 * 1024;

    /// <summary>or when its first article has waited this long (a slow feed must not keep read articles unstored).</summary>
    private static readonly TimeSpan BatchWait = TimeSpan.FromSeconds(2);

    /// <param name="readDate">The day the articles count as read (the date of an article that gives none, and the year of a
    /// date without one); today when null. Fixed only to score old articles reproducibly.</param>
    public async Task<IngestRunReport> RunAsync(IReadOnlyList<SourceSpec> sources, CancellationToken cancellationToken, DateOnly? readDate = null)
    {
        var topicList = await topics.ListAsync(cancellationToken).ConfigureAwait(false);
        var reports = new List<ArticleReport>();
        var batch = new Batch(articles, time, logger, options.BatchArticles, topicList, reports);
        foreach (var source in sources)
        {
            await foreach (var raw in reader.ReadAsync(source, cancellationToken).ConfigureAwait(false))
            {
                if (await PrepareAsync(raw, topicList, readDate, batch, cancellationToken).ConfigureAwait(false) is { } done)
                {
                    reports.Add(done);
                }

                if (batch.Full)
                {
                    await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (source.Kind is SourceKind.Feed or SourceKind.Url)
            {
                // A feed's answer counts as read only once its articles are stored.
                await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
                await reader.RememberAsync(source, cancellationToken).ConfigureAwait(false);
            }
        }

        await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
        var report = new IngestRunReport(reports);
        var stored = await articles.CountAsync(cancellationToken).ConfigureAwait(false);
        await cursors.SetAsync(CursorNames.Ingest, stored, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Ingest: {Summary}", Summary(reports.Count, sources.Count, report));
        return report;
    }

    /// <summary>The one line an ingest run logs: "3 articles read from 1 source; 2 new, 1 already stored, 0 skipped; 1 event added, 0 merged".</summary>
    public static string Summary(int articles, int sources, IngestRunReport report) =>
        $"{Counted.Of(articles, "article")} read from {Counted.Of(sources, "source")}; {report.Stored} new, {report.Duplicates} already stored, " +
        $"{report.Skipped} skipped; {Counted.Of(report.EventsAdded, "event")} added, {report.EventsMerged} merged";

    /// <summary>Reads, stores and reports one article in a transaction of its own.</summary>
    public async Task<ArticleReport> IngestAsync(RawArticle raw, IReadOnlyList<Topic> topicList, CancellationToken cancellationToken, DateOnly? readDate = null)
    {
        var reports = new List<ArticleReport>();
        var batch = new Batch(articles, time, logger, options.BatchArticles, topicList, reports);
        if (await PrepareAsync(raw, topicList, readDate, batch, cancellationToken).ConfigureAwait(false) is { } done)
        {
            return done;
        }

        await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
        return reports[0];
    }

    /// <summary>
    /// Parses and extracts one article, outside any transaction, and adds it to <paramref name="batch"/>; returns its report
    /// instead when it is skipped or already stored (in the store, or earlier in the batch), so nothing is extracted twice.
    /// </summary>
    private async Task<ArticleReport?> PrepareAsync(RawArticle raw, IReadOnlyList<Topic> topicList, DateOnly? readDate, Batch batch, CancellationToken cancellationToken)
    {
        if (raw.Bytes is null)
        {
            return Skip(raw.Origin, raw.Error ?? "it could not be read");
        }

        var now = time.GetUtcNow();
        ArticleDraft article;
        IReadOnlyList<EventDraft> drafts;
        try
        {
            var parsed = ArticleParser.ParseBytes(raw.Bytes, raw.Origin, raw.Url, readDate ?? DateOnly.FromDateTime(now.UtcDateTime));
            if (!parsed.Ok)
            {
                if (raw.Url is { } url)
                {
                    // The same page would not parse next time either: it is not fetched again.
                    await fetchLog.RecordAsync(FetchPolicy.Failed(null, url, parsed.Error!, permanent: true, now), cancellationToken).ConfigureAwait(false);
                }

                return Skip(raw.Origin, parsed.Error!);
            }

            article = parsed.Article!;
            var held = batch.Holds(article);
            var stored = held is null ? await articles.FindAsync(article.ContentHash, article.Url, cancellationToken).ConfigureAwait(false) : null;
            if (held is not null || stored is not null)
            {
                // A page whose text is stored under another address is kept as a duplicate, with the batch that stores it.
                if (article.Url is { } url && !string.Equals(held ?? stored!.Article.Url, url, StringComparison.Ordinal))
                {
                    batch.Fetched(FetchPolicy.Duplicate(url, now));
                }

                return new ArticleReport(raw.Origin, ArticleOutcome.Duplicate, Article: Brief(article));
            }

            drafts = extractor.Value.Extract(article, raw.Url is null ? raw.Origin : null, topicList, options.ReviewBelow, parsed.Paragraphs);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OptionsError or Microsoft.Data.Sqlite.SqliteException))
        {
            // A rule that trips over an odd article must not stop the run; the article is read again next time.
            logger.LogError(ex, "Extraction failed on {Origin}; skipped", raw.Origin);
            var reason = $"the extractor failed on it ({ex.GetType().Name})";
            if (raw.Url is { } url)
            {
                var before = await fetchLog.FindAsync(url, cancellationToken).ConfigureAwait(false);
                await fetchLog.RecordAsync(FetchPolicy.Failed(before, url, reason, permanent: false, now), cancellationToken).ConfigureAwait(false);
            }

            return Skip(raw.Origin, reason);
        }

        if (!article.DateFound)
        {
            logger.LogWarning("{Origin} has no date of its own; kept with the day it was read, and its events wait for review", raw.Origin);
        }

        batch.Add(raw.Origin, new PreparedArticle(article, now, drafts), raw.Bytes.Length);
        return null;
    }

    /// <summary>The article as a report keeps it: everything but its body, which a long run must not hold in memory.</summary>
    private static ArticleDraft Brief(ArticleDraft article) => article with { Body = "" };

    private ArticleReport Skip(string origin, string reason)
    {
        logger.LogWarning("Skipped {Origin}: {Reason}", origin, reason);
        return new ArticleReport(origin, ArticleOutcome.Skipped, reason);
    }

    /// <summary>Articles read and extracted, waiting to be stored together; each holds its place in the run's reports.</summary>
    private sealed class Batch(IArticleStore store, TimeProvider clock, ILogger logger, int size, IReadOnlyList<Topic> topicList, List<ArticleReport> reports)
    {
        private readonly List<(int Slot, string Origin, PreparedArticle Article)> pending = [];
        private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
        private readonly List<FetchRecord> fetched = [];
        private readonly IReadOnlySet<string> regions = Curator.RegionsOf(topicList);
        private long bytes;
        private long firstAdded;

        public bool Full => pending.Count >= size || fetched.Count >= size || bytes >= BatchBytes
                            || (pending.Count > 0 && clock.GetElapsedTime(firstAdded) >= BatchWait);

        /// <summary>The URL (or "" when it has none) of an article of the batch with the same text or URL; null when none has.</summary>
        public string? Holds(ArticleDraft article) =>
            keys.TryGetValue("#" + article.ContentHash, out var byText) ? byText
            : article.Url is { } url && keys.ContainsKey("@" + url) ? url
            : null;

        /// <summary>A fetched URL to keep in the fetch log when the batch is stored, not before (what it duplicates may be in the batch).</summary>
        public void Fetched(FetchRecord record)
        {
            if (pending.Count == 0 && fetched.Count == 0)
            {
                firstAdded = clock.GetTimestamp();
            }

            fetched.Add(record);
        }

        public void Add(string origin, PreparedArticle article, long length)
        {
            if (pending.Count == 0 && fetched.Count == 0)
            {
                firstAdded = clock.GetTimestamp();
            }

            pending.Add((reports.Count, origin, article));
            reports.Add(null!);
            keys.TryAdd("#" + article.Article.ContentHash, article.Article.Url ?? "");
            if (article.Article.Url is { } url)
            {
                keys.TryAdd("@" + url, url);
            }

            bytes += length;
        }

        public async Task StoreAsync(CancellationToken cancellationToken)
        {
            if (pending.Count == 0 && fetched.Count == 0)
            {
                return;
            }

            var results = await store.IngestBatchAsync(pending.Select(p => p.Article).ToList(), Plan, regions, cancellationToken, fetched).ConfigureAwait(false);
            for (var i = 0; i < pending.Count; i++)
            {
                var (slot, origin, prepared) = pending[i];
                var result = results[i];
                var article = prepared.Article;
                if (result.Status == IngestStatus.Duplicate)
                {
                    reports[slot] = new ArticleReport(origin, ArticleOutcome.Duplicate, Article: Brief(article));
                    continue;
                }

                logger.LogDebug("Stored {Origin} ({Title}, {Published:yyyy-MM-dd}): {Added}, {Merged} merged into earlier ones",
                    origin, article.Title, article.Published, Counted.Of(result.Added.Count, "new event"), result.Merged.Count);
                // A merged event comes back with the sources this article gave it, not every source it has.
                reports[slot] = new ArticleReport(origin, ArticleOutcome.Stored, null, Brief(article), result.Added, result.Merged);
            }

            pending.Clear();
            fetched.Clear();
            keys.Clear();
            bytes = 0;
        }

        private ArticleIngest Plan(PreparedArticle article, IReadOnlyList<WatchEvent> candidates)
        {
            var plan = IngestPlanner.Plan(article.Extracted, candidates, regions);
            return new ArticleIngest(article.Article, article.ReadAt, plan.NewEvents, plan.Merges);
        }
    }
}
