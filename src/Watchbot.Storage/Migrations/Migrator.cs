using Microsoft.Data.Sqlite;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Migrations;

/// <summary>Applies forward-only migrations, each in its own write transaction, recorded in schema_migrations.</summary>
internal static class Migrator
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public static async Task<IReadOnlyList<int>> MigrateAsync(SqliteDatabase database, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        CheckOrder(migrations);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var applied = new List<int>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using (var transaction = connection.BeginWrite())
            {
                using var create = connection.Command(CreateLedger, transaction);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                var current = await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (current > latest)
                {
                    throw new StorageException(
                        $"The database file '{database.Path}' has schema version {current}, newer than the {latest} this Watchbot knows; run a newer Watchbot or point --db at another file.",
                        database.Path);
                }

                transaction.Commit();
            }

            foreach (var migration in migrations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await ApplyAsync(database, connection, migration, cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(migration.Version);
                }
            }
        }
        catch (SqliteException ex) when (DatabaseFile.Translate(database.Path, ex) is { } translated)
        {
            throw translated;
        }

        return applied;
    }

    public static async Task<int> CurrentVersionAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var exists = connection.Command("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        return await exists.ScalarLongAsync(cancellationToken).ConfigureAwait(false) == 0
            ? 0
            : await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> ApplyAsync(SqliteDatabase database, SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginWrite();
        if (await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) >= migration.Version)
        {
            return false;
        }

        try
        {
            using var script = connection.Command(migration.Sql, transaction);
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (DatabaseFile.Translate(database.Path, ex) is null)
        {
            throw new StorageException(
                $"Migration {migration.Version} ({migration.Name}) of the database file '{database.Path}' failed and was rolled back: {ex.Message}; restore the file from a backup or point --db at another file.",
                database.Path, ex);
        }

        using var record = connection.Command(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction)
            .With("@version", migration.Version)
            .With("@name", migration.Name)
            .With("@at", Db.Time(database.Time.GetUtcNow()));
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return true;
    }

    private static async Task<int> VersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var max = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", transaction);
        return (int)await max.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void CheckOrder(IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration '{migrations[i].Name}' has version {migrations[i].Version} but stands at position {i + 1}; migrations must be numbered 1, 2, 3... in order.");
            }
        }
    }
}
