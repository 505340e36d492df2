using Microsoft.Data.Sqlite;
using Watchbot.Core.Storage;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Articles read from the sources, each kept once: by content hash, or by URL when it has one.</summary>
public sealed class SqliteArticleStore(SqliteDatabase database) : IArticleStore
{
    private const string Columns = "id, origin, url, title, author, published, date_found, body, content_hash, read_at";

    public async Task<(StoredArticle Article, bool Added)> AddAsync(ArticleDraft article, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        using (var find = connection.Command(
                       $"""
                        SELECT {Columns} FROM articles
                        WHERE content_hash = @hash OR (@url IS NOT NULL AND url = @url)
                        ORDER BY content_hash = @hash DESC, id
                        LIMIT 1
                        """, transaction)
                   .With("@hash", article.ContentHash)
                   .With("@url", article.Url))
        {
            var existing = (await ReadAsync(find, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (existing is not null)
            {
                transaction.Commit();
                return (existing, false);
            }
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
            .With("@read_at", Db.Time(readAt));
        var id = await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return (new StoredArticle(id, article, readAt), true);
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
