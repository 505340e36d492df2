using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Articles read from the sources, each kept once: by content hash, or by URL when it has one.</summary>
public sealed class SqliteArticleStore(SqliteDatabase database) : IArticleStore
{
    private const string Columns = "id, origin, url, title, author, published, date_found, body, content_hash, read_at";

    public async Task<(StoredArticle Article, bool Added)> AddAsync(ArticleDraft article, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var result = await IngestAsync(new ArticleIngest(article, readAt, [], []), cancellationToken).ConfigureAwait(false);
        return (result.Article!, result.Status == IngestStatus.Stored);
    }

    public async Task<ArticleIngestResult> IngestAsync(ArticleIngest ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        var article = ingest.Article;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using var statements = new Statements(connection, transaction);
        var existing = await FindAsync(statements, article.ContentHash, article.Url, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            transaction.Commit();
            return new ArticleIngestResult(IngestStatus.Duplicate, existing, [], []);
        }

        // Every merge target must still be what the planner saw; otherwise write nothing and let the caller plan again.
        var targets = new List<WatchEvent>(ingest.Merges.Count);
        foreach (var merge in ingest.Merges)
        {
            var current = await EventRows.GetRowAsync(connection, transaction, merge.EventId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Seq != merge.ExpectedSeq)
            {
                return new ArticleIngestResult(IngestStatus.Conflict, null, [], []);
            }

            targets.Add(current);
        }

        var result = await WriteAsync(statements, ingest, targets, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return result;
    }

    public async Task<IReadOnlyList<ArticleIngestResult>> IngestBatchAsync(
        IReadOnlyList<PreparedArticle> batch, IngestPlanning plan, IReadOnlySet<string> regions, CancellationToken cancellationToken,
        IReadOnlyList<FetchRecord>? fetched = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<ArticleIngestResult>(batch.Count);
        if (batch.Count == 0 && (fetched is null || fetched.Count == 0))
        {
            return results;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The write lock is taken first, so what is read below cannot change before the commit: no merge can conflict.
        using var transaction = connection.BeginWrite();
        using var statements = new Statements(connection, transaction);
        MergeCandidates.Prepare(connection);
        foreach (var prepared in batch)
        {
            var article = prepared.Article;
            var existing = await FindAsync(statements, article.ContentHash, article.Url, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (article.Url is { } url && !string.Equals(existing.Article.Url, url, StringComparison.Ordinal))
                {
                    await SqliteFetchLog.WriteAsync(statements.Connection, statements.Transaction, FetchPolicy.Duplicate(url, prepared.ReadAt), cancellationToken)
                        .ConfigureAwait(false);
                }

                results.Add(new ArticleIngestResult(IngestStatus.Duplicate, existing, [], []));
                continue;
            }

            var candidates = await MergeCandidates.ReadAsync(statements, prepared.Extracted, regions, cancellationToken).ConfigureAwait(false);
            var ingest = plan(prepared, candidates);
            var byId = candidates.ToDictionary(c => c.Id);
            var targets = new List<WatchEvent>(ingest.Merges.Count);
            foreach (var merge in ingest.Merges)
            {
                if (!byId.TryGetValue(merge.EventId, out var target) || target.Seq != merge.ExpectedSeq)
                {
                    throw new InvalidOperationException($"The plan merges into event {merge.EventId} at seq {merge.ExpectedSeq}, which is not one of the candidates it was given.");
                }

                targets.Add(target);
            }

            results.Add(await WriteAsync(statements, ingest, targets, cancellationToken).ConfigureAwait(false));
        }

        foreach (var record in fetched ?? [])
        {
            await SqliteFetchLog.WriteAsync(statements.Connection, statements.Transaction, record, cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return results;
    }

    /// <summary>Inserts the article and its new events and applies its merges to <paramref name="targets"/> (the merge
    /// targets' rows as stored, in the order of the merges), inside <paramref name="transaction"/>.</summary>
    private async Task<ArticleIngestResult> WriteAsync(Statements statements, ArticleIngest ingest, List<WatchEvent> targets, CancellationToken cancellationToken)
    {
        var article = ingest.Article;
        var insert = statements.Sql(
            """
            INSERT INTO articles (content_hash, origin, url, title, author, published, date_found, body, read_at)
            VALUES (@hash, @origin, @url, @title, @author, @published, @date_found, @body, @read_at)
            RETURNING id
            """, "@hash", "@origin", "@url", "@title", "@author", "@published", "@date_found", "@body", "@read_at");
        insert.Set("@hash", article.ContentHash);
        insert.Set("@origin", article.Origin);
        insert.Set("@url", article.Url);
        insert.Set("@title", article.Title);
        insert.Set("@author", article.Author);
        insert.Set("@published", Db.Date(article.Published));
        insert.Set("@date_found", article.DateFound);
        insert.Set("@body", article.Body);
        insert.Set("@read_at", Db.Time(ingest.ReadAt));
        var id = await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false);

        var now = database.Time.GetUtcNow();
        var reseq = ingest.Merges.Count(m => m.Resequence);
        var seq = ingest.NewEvents.Count + reseq > 0
            ? await EventRows.TakeSeqsAsync(statements, ingest.NewEvents.Count + reseq, cancellationToken).ConfigureAwait(false)
            : 0;
        var added = new List<WatchEvent>(ingest.NewEvents.Count);
        var insertEvent = statements.Get("insert event", EventRows.InsertCommand);
        var insertSource = statements.Get("insert source", EventRows.InsertSourceCommand);
        foreach (var draft in ingest.NewEvents)
        {
            var e = EventRows.FromDraft(draft, seq++, now);
            EventRows.Bind(insertEvent, e);
            var eventId = await insertEvent.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
            await EventRows.InsertSourcesAsync(insertSource, eventId, e.Sources, cancellationToken).ConfigureAwait(false);
            added.Add(e with { Id = eventId });
        }

        var merged = new List<WatchEvent>(ingest.Merges.Count);
        for (var i = 0; i < ingest.Merges.Count; i++)
        {
            var merge = ingest.Merges[i];
            var current = targets[i];
            var revised = EventRows.FromDraft(merge.Merged, current.Seq, current.ChangedAt) with { Id = current.Id, CreatedAt = current.CreatedAt, MergedInto = current.MergedInto };
            if (merge.Resequence)
            {
                revised = revised with { Seq = seq++, ChangedAt = now };
            }

            // The event's other sources stay as they are; those this article brings are added after them.
            await EventRows.AddToAsync(statements, revised, cancellationToken, current).ConfigureAwait(false);
            merged.Add(revised);
        }

        return new ArticleIngestResult(IngestStatus.Stored, new StoredArticle(id, article, ingest.ReadAt), added, merged);
    }

    public async Task<StoredArticle?> FindAsync(string? contentHash, string? url, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var statements = new Statements(connection, transaction);
        return await FindAsync(statements, contentHash, url, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoredArticle?> FindAsync(Statements statements, string? contentHash, string? url, CancellationToken cancellationToken)
    {
        // Two lookups, each through its own index (by hash first, as the one query's order had it).
        if (contentHash is not null)
        {
            var byHash = statements.Sql($"SELECT {Columns} FROM articles WHERE content_hash = @hash", "@hash");
            byHash.Set("@hash", contentHash);
            if ((await ReadAsync(byHash, cancellationToken).ConfigureAwait(false)).FirstOrDefault() is { } found)
            {
                return found;
            }
        }

        if (url is null)
        {
            return null;
        }

        var byUrl = statements.Sql($"SELECT {Columns} FROM articles WHERE url = @url ORDER BY id LIMIT 1", "@url");
        byUrl.Set("@url", url);
        return (await ReadAsync(byUrl, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COUNT(*) FROM articles");
        return (int)await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<StoredArticle>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var articles = new List<StoredArticle>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var draft = new ArticleDraft(
                Origin: r.GetString(1),
                Url: r.NullableString(2),
                Title: r.GetString(3),
                Author: r.NullableString(4),
                Published: Db.ParseDate(r.GetString(5)),
                DateFound: r.GetBoolean(6),
                Body: r.GetString(7),
                ContentHash: r.GetString(8));
            articles.Add(new StoredArticle(r.GetInt64(0), draft, Db.ParseTime(r.GetString(9))));
        }

        return articles;
    }
}
