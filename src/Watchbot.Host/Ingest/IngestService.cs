using Watchbot.Core.Messages;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
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

    /// <summary>Short-lived garbage let pile up between collections during a run (see <see cref="GarbageCap"/>).</summary>
    private const long GarbageBytes = 8 * 1024 * 1024;

    /// <summary>or when its first article has waited this long (a slow feed must not keep read articles unstored).</summary>
    private static readonly TimeSpan BatchWait = TimeSpan.FromSeconds(2);

    /// <param name="readDate">The day the articles count as read (the date of an article that gives none, and the year of a
    /// date without one); today when null. Fixed only to score old articles reproducibly.</param>
    /// <param name="each">Given each article's report as soon as it is final, in the run's order; the run's report then keeps
    /// only <see cref="ArticleReport.Light"/> ones, so a long run does not hold every event it touched.</param>
    /// <param name="workers">Threads that extract at once; when null, Watchbot:Ingest:ExtractWorkers, and one per processor when that is 0.</param>
    public async Task<IngestRunReport> RunAsync(IReadOnlyList<SourceSpec> sources, CancellationToken cancellationToken, DateOnly? readDate = null,
        Action<ArticleReport>? each = null, int? workers = null)
    {
        var topicList = await topics.ListAsync(cancellationToken).ConfigureAwait(false);
        var reports = new RunReports(each);
        var batch = new Batch(articles, time, logger, options.BatchArticles, topicList, reports);
        var line = new Line(this, batch, topicList, reports, workers ?? (options.ExtractWorkers is > 0 and var n ? n : Environment.ProcessorCount));
        foreach (var source in sources)
        {
            await foreach (var raw in reader.ReadAsync(source, cancellationToken).ConfigureAwait(false))
            {
                await line.AdmitAsync(raw, readDate, cancellationToken).ConfigureAwait(false);
            }

            if (source.Kind is SourceKind.Feed or SourceKind.Url)
            {
                // A feed's answer counts as read only once its articles are stored.
                await line.DrainAsync(cancellationToken).ConfigureAwait(false);
                await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
                await reader.RememberAsync(source, cancellationToken).ConfigureAwait(false);
            }
        }

        await line.DrainAsync(cancellationToken).ConfigureAwait(false);
        await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
        var report = new IngestRunReport(reports.All);
        var stored = await articles.CountAsync(cancellationToken).ConfigureAwait(false);
        await cursors.SetAsync(CursorNames.Ingest, stored, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Ingest: {Summary}", Summary(report.Articles.Count, sources.Count, report));
        return report;
    }

    /// <summary>The one line an ingest run logs: "3 articles read from 1 source; 2 new, 1 already stored, 0 skipped; 1 event added, 0 merged".</summary>
    public static string Summary(int articles, int sources, IngestRunReport report) =>
        $"{Counted.Of(articles, "article")} read from {Counted.Of(sources, "source")}; {report.Stored} new, {report.Duplicates} already stored, " +
        $"{report.Skipped} skipped; {Counted.Of(report.EventsAdded, "event")} added, {report.EventsMerged} merged";

    /// <summary>Reads, stores and reports one article in a transaction of its own.</summary>
    public async Task<ArticleReport> IngestAsync(RawArticle raw, IReadOnlyList<Topic> topicList, CancellationToken cancellationToken, DateOnly? readDate = null)
    {
        var reports = new RunReports(null);
        var batch = new Batch(articles, time, logger, options.BatchArticles, topicList, reports);
        var line = new Line(this, batch, topicList, reports, workers: 1);
        await line.AdmitAsync(raw, readDate, cancellationToken).ConfigureAwait(false);
        await line.DrainAsync(cancellationToken).ConfigureAwait(false);
        await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
        return reports.All[0];
    }

    /// <summary>An article admitted for extraction: parsed, not stored nor held by the batch, with its place kept in the batch.</summary>
    private sealed record Admitted(RawArticle Raw, ArticleDraft Article, IReadOnlyList<string>? Paragraphs, DateTimeOffset ReadAt);

    /// <summary>
    /// Parses one article and checks it against the store and the batch, in the run's order and outside any transaction;
    /// returns its report instead when it is skipped or already stored (in the store, or earlier in the batch or in the
    /// line), so nothing is extracted twice.
    /// </summary>
    private async Task<(ArticleReport? Done, Admitted? Admitted)> AdmitAsync(RawArticle raw, DateOnly? readDate, Batch batch, CancellationToken cancellationToken)
    {
        if (raw.Bytes is null)
        {
            return (Skip(raw.Origin, raw.Error ?? "it could not be read"), null);
        }

        var now = time.GetUtcNow();
        ParseOutcome parsed;
        try
        {
            parsed = ArticleParser.ParseBytes(raw.Bytes, raw.Origin, raw.Url, readDate ?? DateOnly.FromDateTime(now.UtcDateTime));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OptionsError))
        {
            logger.LogError(ex, "Parsing failed on {Origin}; skipped", raw.Origin);
            return (await FailedAsync(raw, $"the parser failed on it ({ex.GetType().Name})", now, cancellationToken).ConfigureAwait(false), null);
        }

        if (!parsed.Ok)
        {
            if (raw.Url is { } url)
            {
                // The same page would not parse next time either: it is not fetched again.
                await fetchLog.RecordAsync(FetchPolicy.Failed(null, url, parsed.Error!, permanent: true, now), cancellationToken).ConfigureAwait(false);
            }

            return (Skip(raw.Origin, parsed.Error!), null);
        }

        var article = parsed.Article!;
        var held = batch.Holds(article);
        var stored = held is null ? await articles.FindAsync(article.ContentHash, article.Url, cancellationToken).ConfigureAwait(false) : null;
        if (held is not null || stored is not null)
        {
            // A page whose text is stored under another address is kept as a duplicate, with the batch that stores it.
            if (article.Url is { } url && !string.Equals(held ?? stored!.Article.Url, url, StringComparison.Ordinal))
            {
                batch.Fetched(FetchPolicy.Duplicate(url, now));
            }

            return (new ArticleReport(raw.Origin, ArticleOutcome.Duplicate, Article: Brief(article)), null);
        }

        batch.Reserve(article);
        return (null, new Admitted(raw, article, parsed.Paragraphs, now));
    }

    /// <summary>Extracts one admitted article: a pure function of the article and the topics, so any thread may run it.</summary>
    private IReadOnlyList<EventDraft> Extract(Admitted admitted, IReadOnlyList<Topic> topicList) =>
        extractor.Value.Extract(admitted.Article, admitted.Raw.Url is null ? admitted.Raw.Origin : null, topicList, options.ReviewBelow, admitted.Paragraphs);

    /// <summary>Reports an article the parser or the extractor failed on; a fetched page is asked again later (the rules may be fixed by then).</summary>
    private async Task<ArticleReport> FailedAsync(RawArticle raw, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (raw.Url is { } url)
        {
            var before = await fetchLog.FindAsync(url, cancellationToken).ConfigureAwait(false);
            await fetchLog.RecordAsync(FetchPolicy.Failed(before, url, reason, permanent: false, now), cancellationToken).ConfigureAwait(false);
        }

        return Skip(raw.Origin, reason);
    }

    /// <summary>
    /// The articles of a run between reading and the batch: each is parsed and checked for a duplicate in the run's order,
    /// extracted on one of <c>workers</c> threads (extraction is most of an article's cost), and handed to the batch in the
    /// run's order again, so what is stored, and in which order, is the same as one article at a time. Up to a batch and
    /// two articles per worker wait in the line, so the workers extract the next batch while one is written.
    /// </summary>
    private sealed class Line(IngestService service, Batch batch, IReadOnlyList<Topic> topicList, RunReports reports, int workers)
    {
        /// <summary>Articles admitted ahead of the batch: enough to keep every worker busy while a whole batch is written.</summary>
        private readonly int window = batch.Size + 2 * workers;

        private readonly Queue<Task<(ArticleReport? Done, Admitted? Admitted, IReadOnlyList<EventDraft>? Drafts, Exception? Error)>> queue = new();
        private readonly GarbageCap garbage = new(GarbageBytes);

        public async Task AdmitAsync(RawArticle raw, DateOnly? readDate, CancellationToken cancellationToken)
        {
            var (done, admitted) = await service.AdmitAsync(raw, readDate, batch, cancellationToken).ConfigureAwait(false);
            if (admitted is null)
            {
                queue.Enqueue(Task.FromResult<(ArticleReport?, Admitted?, IReadOnlyList<EventDraft>?, Exception?)>((done, null, null, null)));
            }
            else if (workers <= 1)
            {
                queue.Enqueue(Task.FromResult(Run(admitted)));
            }
            else
            {
                queue.Enqueue(Task.Run(() => Run(admitted), cancellationToken));
            }

            while (queue.Count > (workers <= 1 ? 0 : window))
            {
                await TakeAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            while (queue.Count > 0)
            {
                await TakeAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private (ArticleReport?, Admitted?, IReadOnlyList<EventDraft>?, Exception?) Run(Admitted admitted)
        {
            try
            {
                return (null, admitted, service.Extract(admitted, topicList), null);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OptionsError))
            {
                // A rule that trips over an odd article must not stop the run; the article is read again next time.
                return (null, admitted, null, ex);
            }
        }

        /// <summary>Hands the oldest article of the line to the batch (or its report to the run), storing the batch when full.</summary>
        private async Task TakeAsync(CancellationToken cancellationToken)
        {
            var (done, admitted, drafts, error) = await queue.Dequeue().ConfigureAwait(false);
            garbage.Check();
            if (admitted is null)
            {
                reports.Add(done!);
                return;
            }

            var raw = admitted.Raw;
            if (error is not null)
            {
                batch.Release(admitted.Article);
                service.Log.LogError(error, "Extraction failed on {Origin}; skipped", raw.Origin);
                reports.Add(await service.FailedAsync(raw, $"the extractor failed on it ({error.GetType().Name})", admitted.ReadAt, cancellationToken)
                    .ConfigureAwait(false));
                return;
            }

            if (!admitted.Article.DateFound)
            {
                service.Log.LogWarning("{Origin} has no date of its own; kept with the day it was read, and its events wait for review", raw.Origin);
            }

            batch.Add(raw.Origin, new PreparedArticle(admitted.Article, admitted.ReadAt, drafts!), raw.Bytes!.Length);
            if (batch.Full)
            {
                await batch.StoreAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ILogger Log => logger;

    /// <summary>The run's reports in its order: a place is kept for an article while it waits in a batch, and each report is
    /// handed on as soon as it and every one before it are final.</summary>
    private sealed class RunReports(Action<ArticleReport>? each)
    {
        private readonly List<ArticleReport?> list = [];
        private int handedOn;

        public IReadOnlyList<ArticleReport> All => list!;

        public int Reserve()
        {
            list.Add(null);
            return list.Count - 1;
        }

        public void Add(ArticleReport report) => Set(Reserve(), report);

        public void Set(int slot, ArticleReport report)
        {
            list[slot] = report;
            while (each is not null && handedOn < list.Count && list[handedOn] is { } next)
            {
                each(next);
                list[handedOn++] = next.Light();
            }
        }
    }

    /// <summary>The article as a report keeps it: everything but its body, which a long run must not hold in memory.</summary>
    private static ArticleDraft Brief(ArticleDraft article) => article with { Body = "" };

    private ArticleReport Skip(string origin, string reason)
    {
        logger.LogWarning("Skipped {Origin}: {Reason}", origin, reason);
        return new ArticleReport(origin, ArticleOutcome.Skipped, reason);
    }

    /// <summary>Articles read and extracted, waiting to be stored together; each holds its place in the run's reports.</summary>
    private sealed class Batch(IArticleStore store, TimeProvider clock, ILogger logger, int size, IReadOnlyList<Topic> topicList, RunReports reports)
    {
        private readonly List<(int Slot, string Origin, PreparedArticle Article)> pending = [];
        private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
        private readonly List<FetchRecord> fetched = [];
        private readonly IReadOnlySet<string> regions = Curator.RegionsOf(topicList);
        private long bytes;
        private long firstAdded;

        /// <summary>Articles stored in one transaction (Watchbot:Ingest:BatchArticles).</summary>
        public int Size => size;

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

        /// <summary>Holds the article's text and URL from the moment it is admitted, while it is extracted, until it is stored.</summary>
        public void Reserve(ArticleDraft article)
        {
            keys.TryAdd("#" + article.ContentHash, article.Url ?? "");
            if (article.Url is { } url)
            {
                keys.TryAdd("@" + url, url);
            }
        }

        /// <summary>Lets go of an article that was reserved and will not be stored (its extraction failed).</summary>
        public void Release(ArticleDraft article)
        {
            keys.Remove("#" + article.ContentHash);
            if (article.Url is { } url)
            {
                keys.Remove("@" + url);
            }
        }

        public void Add(string origin, PreparedArticle article, long length)
        {
            if (pending.Count == 0 && fetched.Count == 0)
            {
                firstAdded = clock.GetTimestamp();
            }

            pending.Add((reports.Reserve(), origin, article));
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
                    reports.Set(slot, new ArticleReport(origin, ArticleOutcome.Duplicate, Article: Brief(article)));
                    continue;
                }

                logger.LogDebug("Stored {Origin} ({Title}, {Published:yyyy-MM-dd}): {Added}, {Merged} merged into earlier ones",
                    origin, article.Title, article.Published, Counted.Of(result.Added.Count, "new event"), result.Merged.Count);
                // A merged event comes back with the sources this article gave it, not every source it has.
                reports.Set(slot, new ArticleReport(origin, ArticleOutcome.Stored, null, Brief(article), result.Added, result.Merged));
            }

            // Articles still being extracted stay held; those stored are found in the store from now on.
            foreach (var (_, _, prepared) in pending)
            {
                Release(prepared.Article);
            }

            pending.Clear();
            fetched.Clear();
            bytes = 0;
        }

        private ArticleIngest Plan(PreparedArticle article, IReadOnlyList<WatchEvent> candidates)
        {
            var plan = IngestPlanner.Plan(article.Extracted, candidates, regions);
            return new ArticleIngest(article.Article, article.ReadAt, plan.NewEvents, plan.Merges);
        }
    }
}
