using Microsoft.Data.Sqlite;
using Watchbot.Storage.Migrations;
using Watchbot.Storage.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Storage.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_new_file_gets_every_migration_recorded_once_with_its_time()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.FromHours(4)));
        var database = new SqliteDatabase(folder.File("new.db"), clock);

        var applied = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationList.All.Select(m => m.Version), applied);
        var rows = await QueryAsync(database, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        Assert.Equal(MigrationList.All.Count, rows.Count);
        Assert.Equal("1", rows[0][0]);
        Assert.Equal("initial schema", rows[0][1]);
        Assert.Equal("2024-05-01T04:00:00.0000000+00:00", rows[0][2]);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, await database.SchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        var path = folder.File("twice.db");
        var store = new SqliteStore(path);
        await store.MigrateAsync(CancellationToken.None);
        await store.Cursors.SetAsync("poll", 42, DateTimeOffset.UtcNow, CancellationToken.None);

        var again = await new SqliteStore(path).MigrateAsync(CancellationToken.None);

        Assert.Empty(again);
        Assert.Equal(42, (await store.Cursors.GetAsync("poll", CancellationToken.None)).Value);
        var rows = await QueryAsync(store.Database, "SELECT COUNT(*) FROM schema_migrations");
        Assert.Equal(MigrationList.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0][0]);
    }

    [Fact]
    public async Task Migrations_create_every_table_of_the_schema()
    {
        var database = new SqliteDatabase(folder.File("tables.db"));
        await database.MigrateAsync(CancellationToken.None);

        var tables = (await QueryAsync(database, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).Select(r => r[0]).ToList();

        foreach (var table in new[]
                 {
                     "articles", "events", "event_sources", "topics", "subscriptions", "outbox", "job_cursors", "audit_log", "curators",
                     "schema_migrations",
                 })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task The_database_is_opened_in_wal_mode_with_foreign_keys_on_and_a_busy_timeout()
    {
        var database = new SqliteDatabase(folder.File("pragmas.db"));
        await database.MigrateAsync(CancellationToken.None);

        Assert.Equal("wal", (await QueryAsync(database, "PRAGMA journal_mode"))[0][0]);
        Assert.Equal("1", (await QueryAsync(database, "PRAGMA foreign_keys"))[0][0]);
        Assert.Equal("5000", (await QueryAsync(database, "PRAGMA busy_timeout"))[0][0]);
        Assert.Equal("1", (await QueryAsync(database, "PRAGMA synchronous"))[0][0]);
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused_and_left_alone()
    {
        var path = folder.File("future.db");
        var database = new SqliteDatabase(path);
        await database.MigrateAsync(CancellationToken.None);
        await ExecuteAsync(database, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01T00:00:00.0000000+00:00')");

        var error = await Assert.ThrowsAsync<StorageException>(() => new SqliteDatabase(path).MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.DatabasePath);
        Assert.Equal(999, await database.SchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        var database = new SqliteDatabase(folder.File("broken.db"));
        IReadOnlyList<Migration> migrations =
        [
            .. MigrationList.All,
            new(MigrationList.All.Count + 1, "half done", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        ];

        var error = await Assert.ThrowsAsync<StorageException>(() => Migrator.MigrateAsync(database, migrations, CancellationToken.None));

        Assert.Contains("half done", error.Message, StringComparison.Ordinal);
        Assert.Equal(MigrationList.All.Count, await database.SchemaVersionAsync(CancellationToken.None));
        Assert.Empty(await QueryAsync(database, "SELECT name FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public async Task Migrations_out_of_order_are_a_programming_error()
    {
        var database = new SqliteDatabase(folder.File("order.db"));
        IReadOnlyList<Migration> migrations = [new(2, "two", "SELECT 1"), new(1, "one", "SELECT 1")];

        await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.MigrateAsync(database, migrations, CancellationToken.None));
    }

    [Fact]
    public async Task Events_merged_before_the_merged_status_existed_become_merged_and_name_their_event()
    {
        var database = new SqliteDatabase(folder.File("merged.db"));
        await Migrator.MigrateAsync(database, MigrationList.All.Where(m => m.Version < 9).ToList(), CancellationToken.None);
        await QueryAsync(database, """
            INSERT INTO events (id, seq, kind, status, date, date_precision, summary, topics, places, actors, severity, confidence, casualties, created_at, changed_at)
            VALUES (3, 1, 'escalation', 'published', '2020-10-04', 'day', 'kept', '[]', '[]', '[]', 3, 1, '[]', 't', 't'),
                   (5, 2, 'escalation', 'rejected', '2020-10-04', 'day', 'folded in', '[]', '[]', '[]', 3, 1, '[]', 't', 't'),
                   (12, 3, 'escalation', 'rejected', '2020-10-04', 'day', 'wrong', '[]', '[]', '[]', 3, 1, '[]', 't', 't');
            INSERT INTO audit_log (at, actor, action, details) VALUES ('t', 'owner', 'merge', '#5 into #3'), ('t', 'owner', 'reject', '#12 -> rejected (seq 3)'),
                   ('t', 'owner', 'merge', '#51 into #3');
            """);

        await Migrator.MigrateAsync(database, MigrationList.All, CancellationToken.None);

        var rows = await QueryAsync(database, "SELECT id, status, merged_into FROM events ORDER BY id");
        Assert.Equal(["3 published -", "5 merged 3", "12 rejected -"], rows.Select(r => $"{r[0]} {r[1]} {r[2] ?? "-"}"));
    }

    [Fact]
    public void The_shipped_migrations_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, MigrationList.All.Count), MigrationList.All.Select(m => m.Version));
    }

    internal static async Task<List<string?[]>> QueryAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    internal static async Task ExecuteAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
