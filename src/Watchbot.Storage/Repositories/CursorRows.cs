using Microsoft.Data.Sqlite;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>The job_cursors rows, shared by the cursor store and the outbox's compare-and-swap. A missing cursor is 0.</summary>
internal static class CursorRows
{
    public static async Task<long> GetValueAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        using var command = connection.Command("SELECT value FROM job_cursors WHERE name = @name", transaction).With("@name", name);
        return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task SetAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, long value, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(
                """
                INSERT INTO job_cursors (name, value, updated_at) VALUES (@name, @value, @at)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, transaction)
            .With("@name", name)
            .With("@value", value)
            .With("@at", Db.Time(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
