using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

public sealed record OutboxPurge(int Messages, int Bodies);

/// <summary>
/// Keeps the outbox from growing forever: messages delivered (or given up) before a cutoff are deleted, then the
/// digest bodies no message refers to any more. Pending messages and the bodies they need are never touched. Works in
/// batches, each its own short write transaction, so the bot's other writes wait at most one batch.
/// </summary>
public sealed class OutboxRetention(SqliteDatabase database)
{
    public const int BatchSize = 10_000;

    public async Task<OutboxPurge> PurgeAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        var messages = 0;
        int deleted;
        do
        {
            deleted = await ExecuteAsync(
                """
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox
                    WHERE status IN ('sent', 'failed') AND COALESCE(sent_at, failed_at) < @before
                    ORDER BY id LIMIT @batch)
                """, finishedBefore, cancellationToken).ConfigureAwait(false);
            messages += deleted;
        }
        while (deleted == BatchSize);

        var bodies = await ExecuteAsync(
            "DELETE FROM outbox_bodies WHERE id NOT IN (SELECT body_id FROM outbox WHERE body_id IS NOT NULL)",
            finishedBefore, cancellationToken).ConfigureAwait(false);
        return new OutboxPurge(messages, bodies);
    }

    private async Task<int> ExecuteAsync(string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(sql).With("@before", Db.Time(before)).With("@batch", BatchSize);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
