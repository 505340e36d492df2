using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
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
            var e = EventRows.FromDraft(draft, seq++, now);
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
        return await EventRows.GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WatchEvent?> ReviseAsync(long id, Func<WatchEvent, WatchEvent> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginWrite();
        var current = await EventRows.GetAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        var changed = change(current) ?? throw new InvalidOperationException($"The change to event {id} returned null.");
        var seq = await EventRows.TakeSeqsAsync(connection, transaction, 1, cancellationToken).ConfigureAwait(false);
        var revised = EventRows.Normalize(changed) with { Id = id, Seq = seq, CreatedAt = current.CreatedAt, ChangedAt = database.Time.GetUtcNow() };
        await EventRows.RewriteAsync(connection, transaction, revised, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return revised;
    }

    public async Task<IReadOnlyList<WatchEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = new List<string> { "seq > @after" };
        using var command = connection.Command("").With("@after", query.AfterSeq).With("@limit", Math.Max(0, query.Limit));
        if (query.TalliesOnly)
        {
            // Written as the events_tallies index's own condition (constants, not parameters), so SQLite reads that index.
            where.Add(TallyCondition);
            if (query.TallyKeys is { } keys)
            {
                where.Add(TallyKeyCondition(command, keys));
            }
        }
        else if (query.Status is { } status)
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

        if (query.DateFrom is { } from)
        {
            where.Add("COALESCE(date_end, date) >= @date_from");
            command.With("@date_from", Db.Date(from));
        }

        if (query.DateTo is { } to)
        {
            where.Add("date <= @date_to");
            command.With("@date_to", Db.Date(to));
        }

        // Tallies are read through their own index (SQLite would otherwise take events_status_seq and walk every event).
        var table = query.TalliesOnly ? "events INDEXED BY events_tallies" : "events";
        command.CommandText =
            $"SELECT {EventRows.Columns} FROM {table} WHERE {string.Join(" AND ", where)} ORDER BY seq {(query.Ascending ? "ASC" : "DESC")} LIMIT @limit";
        return await EventRows.ReadAsync(command, cancellationToken, query.WithSources).ConfigureAwait(false);
    }

    /// <summary>
    /// An event that may carry a cumulative figure of one of <paramref name="keys"/>, asked of the stored JSON text as it
    /// is (parsing each figure costs more than reading the rows it saves): its population and outcome as stored, and its
    /// side and claimant as <see cref="TallyKey"/> folds them, through LIKE, which folds ASCII letters only.
    /// So a name is asked only when it is plain ASCII (the JSON writer leaves it as it is), and a row whose JSON holds an
    /// escaped character (\u: any other letter, which might fold to the same name) is let through. More rows, never fewer:
    /// the tally book sorts them out.
    /// </summary>
    private static string TallyKeyCondition(SqliteCommand command, IReadOnlyList<TallyKey> keys)
    {
        if (keys.Count == 0)
        {
            return "0";
        }

        var any = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var condition = $"instr(casualties, @tally_population{i}) > 0 AND instr(casualties, @tally_outcome{i}) > 0";
            command.With($"@tally_population{i}", $"\"population\":\"{key.Population}\"").With($"@tally_outcome{i}", $"\"outcome\":\"{key.Outcome}\"");
            var names = new List<string>();
            foreach (var (field, name) in new[] { ("side", key.Side), ("claimedBy", key.ClaimedBy) })
            {
                if (name.All(PlainInJson))
                {
                    names.Add($"casualties LIKE @tally_{field}{i}");
                    command.With($"@tally_{field}{i}", $"%\"{field}\":\"{name}\"%");
                }
            }

            any.Add(names.Count == 0 ? $"({condition})" : $"({condition} AND (instr(casualties, '\\u') > 0 OR ({string.Join(" AND ", names)})))");
        }

        return $"({string.Join(" OR ", any)})";
    }

    /// <summary>A character the JSON writer stores as itself and LIKE compares as itself or its other case (a name's
    /// '%' or '_' would only match more).</summary>
    private static bool PlainInJson(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '(' or ')' or ',' or '/' or ':';

    /// <summary>A published event carrying a cumulative figure: the condition of the partial index events_tallies.</summary>
    internal const string TallyCondition = "status = 'published' AND instr(casualties, '\"cumulative\":true') > 0";

    public async Task<long> LastSeqAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT last_seq FROM event_seq WHERE id = 1");
        return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Two reads in one snapshot: the greatest seq before the earliest time, then the events changed between the
    /// earliest and the latest time in order, swept once. Times are compared as the stored text, as the single query does.</summary>
    public async Task<IReadOnlyDictionary<DateTimeOffset, long>> LastSeqsBeforeAsync(IReadOnlyCollection<DateTimeOffset> times,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(times);
        var result = new Dictionary<DateTimeOffset, long>();
        if (times.Count == 0)
        {
            return result;
        }

        var keys = times.Distinct().Select(t => (Time: t, Text: Db.Time(t))).OrderBy(k => k.Text, StringComparer.Ordinal).ToList();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var snapshot = connection.BeginTransaction(deferred: true);
        long max;
        using (var before = connection.Command("SELECT COALESCE(MAX(seq), 0) FROM events WHERE changed_at < @time", snapshot)
                   .With("@time", keys[0].Text))
        {
            max = await before.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        }

        using var range = connection.Command(
                "SELECT changed_at, seq FROM events WHERE changed_at >= @from AND changed_at < @to ORDER BY changed_at", snapshot)
            .With("@from", keys[0].Text)
            .With("@to", keys[^1].Text);
        var next = 0;
        await using (var r = await range.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var changedAt = r.GetString(0);
                for (; next < keys.Count && string.CompareOrdinal(keys[next].Text, changedAt) <= 0; next++)
                {
                    result[keys[next].Time] = max;
                }

                max = Math.Max(max, r.GetInt64(1));
            }
        }

        for (; next < keys.Count; next++)
        {
            result[keys[next].Time] = max;
        }

        return result;
    }

    public async Task<int> CountAsync(EventStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COUNT(*) FROM events WHERE status = @status").With("@status", status.Name());
        return (int)await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
    }
}
