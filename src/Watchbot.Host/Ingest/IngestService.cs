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
/// Reads sources, parses and extracts each article, and stores the article with its events in one transaction. An
/// article already stored is not extracted again; a bad one is logged with its reason and skipped; the rest go on.
/// </summary>
public sealed class IngestService(
    SourceReader reader,
    IArticleStore articles,
    IEventStore events,
    ICursorStore cursors,
    ITopicStore topics,
    Lazy<Extractor> extractor,
    IngestOptions options,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    /// <summary>How often an article is planned again when the events it adds to change under it.</summary>
    private const int MaxAttempts = 3;

    /// <param name="readDate">The day the articles count as read (the date of an article that gives none, and the year of a
    /// date without one); today when null. Fixed only to score old articles reproducibly.</param>
    public async Task<IngestRunReport> RunAsync(IReadOnlyList<SourceSpec> sources, CancellationToken cancellationToken, DateOnly? readDate = null)
    {
        var topicList = await topics.ListAsync(cancellationToken).ConfigureAwait(false);
        var reports = new List<ArticleReport>();
        foreach (var source in sources)
        {
            await foreach (var raw in reader.ReadAsync(source, cancellationToken).ConfigureAwait(false))
            {
                reports.Add(await IngestAsync(raw, topicList, cancellationToken, readDate).ConfigureAwait(false));
            }
        }

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

    public async Task<ArticleReport> IngestAsync(RawArticle raw, IReadOnlyList<Topic> topicList, CancellationToken cancellationToken, DateOnly? readDate = null)
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
                return Skip(raw.Origin, parsed.Error!);
            }

            article = parsed.Article!;
            if (await articles.FindAsync(article.ContentHash, article.Url, cancellationToken).ConfigureAwait(false) is not null)
            {
                return new ArticleReport(raw.Origin, ArticleOutcome.Duplicate, Article: article);
            }

            drafts = extractor.Value.Extract(article, raw.Url is null ? raw.Origin : null, topicList, options.ReviewBelow, parsed.Paragraphs);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OptionsError or Microsoft.Data.Sqlite.SqliteException))
        {
            // A rule that trips over an odd article must not stop the run; the article is read again next time.
            logger.LogError(ex, "Extraction failed on {Origin}; skipped", raw.Origin);
            return Skip(raw.Origin, $"the extractor failed on it ({ex.GetType().Name})");
        }

        if (!article.DateFound)
        {
            logger.LogWarning("{Origin} has no date of its own; kept with the day it was read, and its events wait for review", raw.Origin);
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var candidates = IngestPlanner.CandidateWindow(drafts) is var (from, to)
                ? await events.ListAsync(new EventQuery { DateFrom = from, DateTo = to, Status = null, Limit = 10_000 }, cancellationToken).ConfigureAwait(false)
                : [];
            var plan = IngestPlanner.Plan(drafts, candidates, Curator.RegionsOf(topicList));
            var result = await articles.IngestAsync(new ArticleIngest(article, now, plan.NewEvents, plan.Merges), cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case IngestStatus.Stored:
                    logger.LogDebug("Stored {Origin} ({Title}, {Published:yyyy-MM-dd}): {Added}, {Merged} merged into earlier ones",
                        raw.Origin, article.Title, article.Published, Counted.Of(result.Added.Count, "new event"), result.Merged.Count);
                    return new ArticleReport(raw.Origin, ArticleOutcome.Stored, null, article, result.Added, result.Merged);
                case IngestStatus.Duplicate:
                    return new ArticleReport(raw.Origin, ArticleOutcome.Duplicate, Article: article);
            }
        }

        return Skip(raw.Origin, "the events it adds to kept changing while it was stored; it will be read again next run");
    }

    private ArticleReport Skip(string origin, string reason)
    {
        logger.LogWarning("Skipped {Origin}: {Reason}", origin, reason);
        return new ArticleReport(origin, ArticleOutcome.Skipped, reason);
    }
}
