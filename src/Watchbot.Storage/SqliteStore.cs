using Watchbot.Storage.Repositories;

namespace Watchbot.Storage;

/// <summary>
/// The whole SQLite store behind one file: migrate it once at start-up, then register each repository
/// (for example <c>services.AddSingleton&lt;IEventStore&gt;(store.Events)</c>). The repositories are thread-safe:
/// every call opens its own pooled connection.
/// </summary>
public sealed class SqliteStore
{
    /// <param name="path">The database file; its folder must exist (the store never creates folders).</param>
    /// <param name="time">The clock for the store's own timestamps; the system clock when null.</param>
    public SqliteStore(string path, TimeProvider? time = null)
        : this(new SqliteDatabase(path, time))
    {
    }

    public SqliteStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Events = new SqliteEventStore(database);
        Subscriptions = new SqliteSubscriptionStore(database);
        Outbox = new SqliteOutboxStore(database);
        OutboxRetention = new OutboxRetention(database);
        Cursors = new SqliteCursorStore(database);
        Audit = new SqliteAuditLog(database);
        Topics = new SqliteTopicStore(database);
        Roles = new SqliteRoleStore(database);
        Articles = new SqliteArticleStore(database);
        ChatSettings = new SqliteChatSettingsStore(database);
        FetchLog = new SqliteFetchLog(database);
    }

    public SqliteDatabase Database { get; }

    /// <summary>The full path of the database file.</summary>
    public string Path => Database.Path;

    public SqliteEventStore Events { get; }

    public SqliteSubscriptionStore Subscriptions { get; }

    public SqliteOutboxStore Outbox { get; }

    public OutboxRetention OutboxRetention { get; }

    public SqliteCursorStore Cursors { get; }

    public SqliteAuditLog Audit { get; }

    public SqliteTopicStore Topics { get; }

    public SqliteRoleStore Roles { get; }

    public SqliteArticleStore Articles { get; }

    public SqliteChatSettingsStore ChatSettings { get; }

    public SqliteFetchLog FetchLog { get; }

    /// <summary>Brings the schema up to date; returns the migration versions applied now (empty when it already was).</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) => Database.MigrateAsync(cancellationToken);

    /// <summary>Copies the live database into <paramref name="targetPath"/> with SQLite's online backup.</summary>
    public Task BackupAsync(string targetPath, CancellationToken cancellationToken) => Database.BackupAsync(targetPath, cancellationToken);
}
