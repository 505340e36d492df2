using Watchbot.Core.Stores;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>The append-only audit log of admin actions.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public async Task AddAsync(string actor, string action, string details, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("INSERT INTO audit_log (at, actor, action, details) VALUES (@at, @actor, @action, @details)")
            .With("@at", Db.Time(at))
            .With("@actor", actor)
            .With("@action", action)
            .With("@details", details ?? "");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditEntry?> LatestAsync(string action, string detailsPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(detailsPrefix);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                """
                SELECT id, at, actor, action, details FROM audit_log
                WHERE action = @action AND substr(details, 1, length(@prefix)) = @prefix
                ORDER BY id DESC LIMIT 1
                """)
            .With("@action", action)
            .With("@prefix", detailsPrefix);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditEntry(r.GetInt64(0), Db.ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4))
            : null;
    }

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT id, at, actor, action, details FROM audit_log ORDER BY id DESC LIMIT @count")
            .With("@count", Math.Max(0, count));
        var entries = new List<AuditEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(r.GetInt64(0), Db.ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4)));
        }

        return entries;
    }
}
