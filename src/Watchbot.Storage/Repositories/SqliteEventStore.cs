using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Core.Storage;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>
/// The curated events. Every add and revision takes the next seq from a one-row high-water mark inside a
/// BEGIN IMMEDIATE transaction, so seqs strictly increase across writers and are never given twice.
/// </summary>
public sealed class SqliteEventStore(SqliteDatabase database) : IEventStore
{
    public async Task<WatchEvent> AddAsync(EventDraft draft, CancellationToken cancellationToken) =>
        (await AddManyAsync([draft], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Adds every draft in one transaction (a bulk import), giving them consecutive seqs in list order.</summary>
    public async Task<IReadOnlyList<WatchEvent>> AddManyAsync(IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        var now = database.Time.GetUtcNow();
        var seq = await EventRows.TakeSeqsAsync(connection, transaction, drafts.Count, cancellationToken).ConfigureAwait(false);
        using var insert = EventRows.InsertCommand(connection, transaction);
        using var insertSource = EventRows.InsertSourceCommand(connection, transaction);
        var added = new List<WatchEvent>(drafts.Count);
        foreach (var draft in drafts)
        {
            var e = FromDraft(draft, seq++, now);
            EventRows.Bind(insert, e);
            var id = await insert.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
            await EventRows.InsertSourcesAsync(insertSource, id, e.Sources, cancellationToken).ConfigureAwait(false);
            added.Add(e with { Id = id });
        }

        transaction.Commit();
        return added;
    }

    public async Task<WatchEvent?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WatchEvent?> ReviseAsync(long id, Func<WatchEvent, WatchEvent> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        var current = await GetAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        var changed = change(current) ?? throw new InvalidOperationException($"The change to event {id} returned null.");
        var seq = await EventRows.TakeSeqsAsync(connection, transaction, 1, cancellationToken).ConfigureAwait(false);
        var revised = Normalize(changed) with { Id = id, Seq = seq, CreatedAt = current.CreatedAt, ChangedAt = database.Time.GetUtcNow() };
        using (var update = EventRows.UpdateCommand(connection, transaction))
        {
            EventRows.Bind(update, revised);
            update.Set("@id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var delete = connection.Command("DELETE FROM event_sources WHERE event_id = @id", transaction).With("@id", id))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var insertSource = EventRows.InsertSourceCommand(connection, transaction))
        {
            await EventRows.InsertSourcesAsync(insertSource, id, revised.Sources, cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return revised;
    }

    public async Task<IReadOnlyList<WatchEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = new List<string> { "seq > @after" };
        using var command = connection.Command("").With("@after", query.AfterSeq).With("@limit", Math.Max(0, query.Limit));
        if (query.Status is { } status)
        {
            where.Add("status = @status");
            command.With("@status", status.Name());
        }

        if (query.Topic is { } topic)
        {
            where.Add("EXISTS (SELECT 1 FROM json_each(events.topics) WHERE value = @topic COLLATE NOCASE)");
            command.With("@topic", topic);
        }

        if (query.ChangedSince is { } since)
        {
            where.Add("changed_at >= @since");
            command.With("@since", Db.Time(since));
        }

        command.CommandText =
            $"SELECT {EventRows.Columns} FROM events WHERE {string.Join(" AND ", where)} ORDER BY seq {(query.Ascending ? "ASC" : "DESC")} LIMIT @limit";
        return await EventRows.ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> LastSeqAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT last_seq FROM event_seq WHERE id = 1");
        return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> LastSeqBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COALESCE(MAX(seq), 0) FROM events WHERE changed_at < @time").With("@time", Db.Time(time));
        return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(EventStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COUNT(*) FROM events WHERE status = @status").With("@status", status.Name());
        return (int)await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<WatchEvent?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT {EventRows.Columns} FROM events WHERE id = @id", transaction).With("@id", id);
        var found = await EventRows.ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    private static WatchEvent FromDraft(EventDraft draft, long seq, DateTimeOffset now) => Normalize(new WatchEvent
    {
        Id = 0,
        Seq = seq,
        Kind = draft.Kind,
        Status = draft.Status,
        Date = draft.Date,
        DateEnd = draft.DateEnd,
        DatePrecision = draft.DatePrecision,
        Summary = draft.Summary,
        Topics = draft.Topics,
        Places = draft.Places,
        Actors = draft.Actors,
        Severity = draft.Severity,
        Confidence = draft.Confidence,
        Stance = draft.Stance,
        ClaimedBy = draft.ClaimedBy,
        Casualties = draft.Casualties,
        Sources = draft.Sources,
        CreatedAt = now,
        ChangedAt = now,
    });

    /// <summary>Lists a caller left null become empty, so what is returned is what a later read gives.</summary>
    private static WatchEvent Normalize(WatchEvent e) => e with
    {
        Summary = e.Summary ?? "",
        Topics = e.Topics ?? [],
        Places = e.Places ?? [],
        Actors = e.Actors ?? [],
        Casualties = e.Casualties ?? [],
        Sources = e.Sources ?? [],
    };
}
