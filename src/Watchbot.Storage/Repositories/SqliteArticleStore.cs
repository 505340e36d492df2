using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Core.Storage;
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
        var existing = await FindAsync(connection, transaction, article.ContentHash, article.Url, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            transaction.Commit();
            return new ArticleIngestResult(IngestStatus.Duplicate, existing, [], []);
        }

        // Every merge target must still be what the planner saw; otherwise write nothing and let the caller plan again.
        var targets = new List<WatchEvent>(ingest.Merges.Count);
        foreach (var merge in ingest.Merges)
        {
            var current = await EventRows.GetAsync(connection, transaction, merge.EventId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Seq != merge.ExpectedSeq)
            {
                return new ArticleIngestResult(IngestStatus.Conflict, null, [], []);
            }

            targets.Add(current);
        }

        using var insert = connection.Command(
                """
                INSERT INTO articles (content_hash, origin, url, title, author, published, date_found, body, read_at)
                VALUES (@hash, @origin, @url, @title, @author, @published, @date_found, @body, @read_at)
                RETURNING id
                """, transaction)
            .With("@hash", article.ContentHash)
            .With("@origin", article.Origin)
            .With("@url", article.Url)
            .With("@title", article.Title)
            .With("@author", article.Author)
            .With("@published", Db.Date(article.Published))
            .With("@date_found", article.DateFound)
            .With("@body", article.Body)
            .With("@read_at", Db.Time(ingest.ReadAt));
        var id = await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false);

        var now = database.Time.GetUtcNow();
        var reseq = ingest.Merges.Count(m => m.Resequence);
        var seq = ingest.NewEvents.Count + reseq > 0
            ? await EventRows.TakeSeqsAsync(connection, transaction, ingest.NewEvents.Count + reseq, cancellationToken).ConfigureAwait(false)
            : 0;
        var added = new List<WatchEvent>(ingest.NewEvents.Count);
        using (var insertEvent = EventRows.InsertCommand(connection, transaction))
        using (var insertSource = EventRows.InsertSourceCommand(connection, transaction))
        {
            foreach (var draft in ingest.NewEvents)
            {
                var e = EventRows.FromDraft(draft, seq++, now);
                EventRows.Bind(insertEvent, e);
                var eventId = await insertEvent.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
                await EventRows.InsertSourcesAsync(insertSource, eventId, e.Sources, cancellationToken).ConfigureAwait(false);
                added.Add(e with { Id = eventId });
            }
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

            await EventRows.RewriteAsync(connection, transaction, revised, cancellationToken).ConfigureAwait(false);
            merged.Add(revised);
        }

        transaction.Commit();
        return new ArticleIngestResult(IngestStatus.Stored, new StoredArticle(id, article, ingest.ReadAt), added, merged);
    }

    public async Task<StoredArticle?> FindAsync(string? contentHash, string? url, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, contentHash, url, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoredArticle?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string? contentHash, string? url, CancellationToken cancellationToken)
    {
        using var find = connection.Command(
                $"""
                 SELECT {Columns} FROM articles
                 WHERE content_hash = @hash OR (@url IS NOT NULL AND url = @url)
                 ORDER BY content_hash = @hash DESC, id
                 LIMIT 1
                 """, transaction)
            .With("@hash", contentHash)
            .With("@url", url);
        return (await ReadAsync(find, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<StoredArticle?> FindByHashAsync(string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM articles WHERE content_hash = @hash").With("@hash", contentHash);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
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
