using Watchbot.Core.Stores;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Named reader positions, numbers or text. A cursor never set reads as 0 (or null) with no update time.</summary>
public sealed class SqliteCursorStore(SqliteDatabase database) : ICursorStore
{
    public async Task<JobCursor> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT value, updated_at FROM job_cursors WHERE name = @name").With("@name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new JobCursor(name, reader.GetInt64(0), reader.NullableTime(1))
            : new JobCursor(name, 0, null);
    }

    public async Task SetAsync(string name, long value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await CursorRows.SetAsync(connection, null, name, value, at, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every numeric cursor whose name starts with <paramref name="prefix"/>, by name.</summary>
    public async Task<IReadOnlyList<JobCursor>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT name, value, updated_at FROM job_cursors WHERE substr(name, 1, length(@prefix)) = @prefix ORDER BY name")
            .With("@prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var cursors = new List<JobCursor>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cursors.Add(new JobCursor(reader.GetString(0), reader.GetInt64(1), reader.NullableTime(2)));
        }

        return cursors;
    }

    public async Task<string?> GetTextAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT text_value FROM job_cursors WHERE name = @name").With("@name", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetTextAsync(string name, string value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                INSERT INTO job_cursors (name, value, text_value, updated_at) VALUES (@name, 0, @text, @at)
                ON CONFLICT (name) DO UPDATE SET text_value = excluded.text_value, updated_at = excluded.updated_at
                """)
            .With("@name", name)
            .With("@text", value)
            .With("@at", Db.Time(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
