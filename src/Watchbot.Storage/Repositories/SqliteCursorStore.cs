using Watchbot.Core.Storage;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Named reader positions. A cursor never set reads as 0 with no update time.</summary>
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
}
