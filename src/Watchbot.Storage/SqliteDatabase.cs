using Microsoft.Data.Sqlite;
using Watchbot.Storage.Internal;
using Watchbot.Storage.Migrations;

namespace Watchbot.Storage;

/// <summary>
/// One SQLite database file: opens configured connections (WAL, foreign keys, busy timeout) and migrates the schema.
/// Never creates the folder, and never writes to a file that is not a SQLite database.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string connectionString;
    private int fileChecked;

    /// <param name="path">The database file; a relative path is taken from the current directory. Its folder must exist.</param>
    /// <param name="time">The clock for the store's own timestamps (created, changed, applied); the system clock when null.</param>
    public SqliteDatabase(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Time = time ?? TimeProvider.System;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,

            // How long a statement keeps retrying while another program holds the write lock, before it fails as busy
            // (the job that ran it logs that and runs again later).
            DefaultTimeout = 10,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>When set, the file may not grow beyond this many bytes (SQLite's max_page_count): writes that would need
    /// more space fail as on a full disk, whole, and succeed again once rows are deleted. Null: only the disk limits it.</summary>
    public long? MaxSizeBytes { get; init; }

    private long pageSize = 4096;

    /// <summary>Called with every connection this database opens, once it is configured (tests watch the statements).</summary>
    internal Action<SqliteConnection>? Opened { get; init; }

    /// <summary>Says, in one sentence, what a storage failure means for the person running the bot (locked, full,
    /// unreadable, not a database); null when <paramref name="ex"/> is not one of those.</summary>
    public StorageException? Explain(Exception ex) => ex switch
    {
        StorageException storage => storage,
        SqliteException sqlite => DatabaseFile.Translate(Path, sqlite),
        _ => null,
    };

    public TimeProvider Time { get; }

    /// <summary>True when <paramref name="ex"/> (or what it wraps) is SQLite refusing a write for want of space: a full
    /// disk, or the file at <see cref="MaxSizeBytes"/> (SQLITE_FULL).</summary>
    public static bool IsFull(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) == 13)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Opens a connection with journal_mode=WAL, foreign_keys=ON, busy_timeout=5000 and synchronous=NORMAL.
    /// Throws <see cref="StorageException"/> when the folder is missing, the file is not a database, or it cannot be written.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var firstOpen = Volatile.Read(ref fileChecked) == 0;
        if (firstOpen)
        {
            DatabaseFile.Check(Path);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (firstOpen)
            {
                await PrepareFileAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            var limit = MaxSizeBytes is { } max ? $" PRAGMA max_page_count = {Math.Max(1, max / Volatile.Read(ref pageSize))};" : "";
            using var pragmas = connection.Command("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;" + limit);
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Opened?.Invoke(connection);
            return connection;
        }
        catch (SqliteException ex) when (DatabaseFile.Translate(Path, ex) is { } translated)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw translated;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies every migration the file has not had yet, each in its own transaction; returns the versions applied.
    /// Refuses (with <see cref="StorageException"/>) a database whose schema is newer than this program knows.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) =>
        Migrator.MigrateAsync(this, MigrationList.All, cancellationToken);

    /// <summary>The greatest migration version applied to the file (0 for a new file).</summary>
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) => Migrator.CurrentVersionAsync(this, cancellationToken);

    /// <summary>The newest schema version this program knows.</summary>
    public static int LatestSchemaVersion => MigrationList.All[^1].Version;

    /// <summary>Copies the whole database, while it is in use, into <paramref name="targetPath"/> (SQLite's online backup).
    /// The target's folder must exist; an existing target is replaced only when it is itself a SQLite database.</summary>
    public async Task BackupAsync(string targetPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        var target = System.IO.Path.GetFullPath(targetPath);
        if (string.Equals(target, Path, StringComparison.Ordinal))
        {
            throw new StorageException($"The backup file '{target}' is the database itself; choose another file for the backup.", target);
        }

        DatabaseFile.Check(target);
        await using var source = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var targetConnection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        await using (targetConnection.ConfigureAwait(false))
        {
            try
            {
                await targetConnection.OpenAsync(cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                source.BackupDatabase(targetConnection);
            }
            catch (SqliteException ex) when (DatabaseFile.Translate(target, ex) is { } translated)
            {
                throw translated;
            }
        }
    }

    private async Task PrepareFileAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw DatabaseFile.ReadOnly(Path, null);
        }

        using var wal = connection.Command("PRAGMA journal_mode = WAL;");
        var mode = (await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StorageException(
                $"The database file '{Path}' cannot be switched to WAL mode (it stays in '{mode}' mode); put it on a local disk where Watchbot may create files next to it, or point --db at another file.",
                Path);
        }

        using var size = connection.Command("PRAGMA page_size;");
        Volatile.Write(ref pageSize, Convert.ToInt64(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture));
        Volatile.Write(ref fileChecked, 1);
    }
}
