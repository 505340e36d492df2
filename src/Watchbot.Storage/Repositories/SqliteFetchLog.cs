using Microsoft.Data.Sqlite;
using Watchbot.Core.Stores;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>The article URLs fetched before: the stored articles' own URLs, and fetched_urls for those whose article is not stored.</summary>
public sealed class SqliteFetchLog(SqliteDatabase database) : IFetchLog
{
    public async Task<FetchRecord?> FindAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var stored = connection.Command("SELECT read_at FROM articles WHERE url = @url ORDER BY id LIMIT 1").With("@url", url))
        {
            if (await stored.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string readAt)
            {
                return new FetchRecord(url, FetchVerdict.Stored, 0, null, Db.ParseTime(readAt), null);
            }
        }

        using var command = connection.Command("SELECT verdict, attempts, reason, last_at, not_before FROM fetched_urls WHERE url = @url").With("@url", url);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var verdict = reader.GetString(0) switch
        {
            "duplicate" => FetchVerdict.Duplicate,
            "gone" => FetchVerdict.Gone,
            _ => FetchVerdict.Failing,
        };
        return new FetchRecord(url, verdict, reader.GetInt32(1), reader.NullableString(2), Db.ParseTime(reader.GetString(3)), reader.NullableTime(4));
    }

    public async Task RecordAsync(FetchRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(connection, null, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="record"/> over the URL's last one (inside <paramref name="transaction"/> when given).
    /// A stored article needs no row: its URL is in the articles.</summary>
    internal static async Task WriteAsync(SqliteConnection connection, SqliteTransaction? transaction, FetchRecord record, CancellationToken cancellationToken)
    {
        if (record.Verdict == FetchVerdict.Stored)
        {
            return;
        }

        using var command = connection.Command(
                """
                INSERT INTO fetched_urls (url, verdict, attempts, reason, last_at, not_before)
                VALUES (@url, @verdict, @attempts, @reason, @last_at, @not_before)
                ON CONFLICT (url) DO UPDATE SET verdict = excluded.verdict, attempts = excluded.attempts, reason = excluded.reason,
                    last_at = excluded.last_at, not_before = excluded.not_before
                """, transaction)
            .With("@url", record.Url)
            .With("@verdict", record.Verdict switch
            {
                FetchVerdict.Duplicate => "duplicate",
                FetchVerdict.Gone => "gone",
                _ => "failing",
            })
            .With("@attempts", record.Attempts)
            .With("@reason", record.Reason)
            .With("@last_at", Db.Time(record.LastAt))
            .With("@not_before", Db.Time(record.NotBefore));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
