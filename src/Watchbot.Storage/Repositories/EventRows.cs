using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>The events and event_sources rows: reading, inserting and rewriting them, and handing out seqs.</summary>
internal static class EventRows
{
    public const string Columns =
        "id, seq, kind, status, merged_into, date, date_end, date_precision, summary, topics, places, actors, severity, confidence, stance, claimed_by, casualties, created_at, changed_at";

    private const string InsertColumns =
        "seq, kind, status, merged_into, date, date_end, date_precision, summary, topics, places, actors, severity, confidence, stance, claimed_by, casualties, created_at, changed_at";

    private const string Values =
        "@kind, @status, @merged_into, @date, @date_end, @date_precision, @summary, @topics, @places, @actors, @severity, @confidence, @stance, @claimed_by, @casualties";

    /// <summary>Takes <paramref name="count"/> new seqs from the high-water mark; returns the first. Call inside a write transaction.</summary>
    public static async Task<long> TakeSeqsAsync(Statements statements, int count, CancellationToken cancellationToken)
    {
        var command = statements.Sql("UPDATE event_seq SET last_seq = last_seq + @count WHERE id = 1 RETURNING last_seq", "@count");
        command.Set("@count", count);
        var last = await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        return last - count + 1;
    }

    /// <summary>Takes <paramref name="count"/> new seqs from the high-water mark; returns the first. Call inside a write transaction.</summary>
    public static async Task<long> TakeSeqsAsync(SqliteConnection connection, SqliteTransaction transaction, int count, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
                "UPDATE event_seq SET last_seq = last_seq + @count WHERE id = 1 RETURNING last_seq", transaction)
            .With("@count", count);
        var last = await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false);
        return last - count + 1;
    }

    public static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction) =>
        WithEventParameters(connection.Command(
            $"INSERT INTO events ({InsertColumns}) VALUES (@seq, {Values}, @created_at, @changed_at) RETURNING id", transaction));

    public static SqliteCommand UpdateCommand(SqliteConnection connection, SqliteTransaction transaction) =>
        WithEventParameters(connection.Command(
            """
            UPDATE events SET seq = @seq, kind = @kind, status = @status, merged_into = @merged_into, date = @date, date_end = @date_end,
                date_precision = @date_precision, summary = @summary, topics = @topics, places = @places, actors = @actors,
                severity = @severity, confidence = @confidence, stance = @stance, claimed_by = @claimed_by,
                casualties = @casualties, created_at = @created_at, changed_at = @changed_at
            WHERE id = @id
            """, transaction)).With("@id", null);

    public static SqliteCommand InsertSourceCommand(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Command(
                "INSERT INTO event_sources (event_id, file, url, title, published, sentence) VALUES (@event_id, @file, @url, @title, @published, @sentence)",
                transaction)
            .With("@event_id", null).With("@file", null).With("@url", null).With("@title", null).With("@published", null).With("@sentence", null);

    /// <summary>The names of the row's parameters, in the order of <see cref="RowValues"/>.</summary>
    private static readonly string[] RowParameters =
    [
        "@seq", "@kind", "@status", "@merged_into", "@date", "@date_end", "@date_precision", "@summary", "@topics", "@places", "@actors",
        "@severity", "@confidence", "@stance", "@claimed_by", "@casualties", "@created_at", "@changed_at",
    ];

    /// <summary>The values an insert or update command stores for <paramref name="e"/>, in the order of <see cref="RowParameters"/>.</summary>
    private static object?[] RowValues(WatchEvent e) =>
    [
        e.Seq, e.Kind.Name(), e.Status.Name(), e.MergedInto, Db.Date(e.Date), Db.Date(e.DateEnd), e.DatePrecision.Name(), e.Summary,
        StoredJson.Strings(e.Topics), StoredJson.Strings(e.Places), StoredJson.Strings(e.Actors), e.Severity, e.Confidence, e.Stance?.Name(),
        e.ClaimedBy, StoredJson.Casualties(e.Casualties), Db.Time(e.CreatedAt), Db.Time(e.ChangedAt),
    ];

    /// <summary>Sets every parameter of an insert or update command from <paramref name="e"/>.</summary>
    public static void Bind(SqliteCommand command, WatchEvent e) => Bind(command, RowValues(e));

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < RowParameters.Length; i++)
        {
            command.Set(RowParameters[i], values[i]);
        }
    }

    public static async Task InsertSourcesAsync(SqliteCommand insertSource, long eventId, IReadOnlyList<EventSource>? sources, CancellationToken cancellationToken)
    {
        foreach (var source in sources ?? [])
        {
            insertSource.Set("@event_id", eventId);
            insertSource.Set("@file", source.File);
            insertSource.Set("@url", source.Url);
            insertSource.Set("@title", source.Title);
            insertSource.Set("@published", Db.Date(source.Published));
            insertSource.Set("@sentence", source.Sentence);
            await insertSource.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query that selects <see cref="Columns"/>; the events come without their sources.</summary>
    public static async Task<List<WatchEvent>> ReadRowsAsync(SqliteCommand query, CancellationToken cancellationToken)
    {
        var events = new List<WatchEvent>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    /// <summary>Runs a query that selects <see cref="Columns"/> and attaches each event's sources (unless
    /// <paramref name="withSources"/> is false).</summary>
    public static async Task<List<WatchEvent>> ReadAsync(SqliteCommand query, CancellationToken cancellationToken, bool withSources = true)
    {
        var events = await ReadRowsAsync(query, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0 || !withSources)
        {
            return events;
        }

        var sources = await ReadSourcesAsync(query.Connection!, query.Transaction, events.Select(e => e.Id).ToList(), cancellationToken)
            .ConfigureAwait(false);
        for (var i = 0; i < events.Count; i++)
        {
            if (sources.TryGetValue(events[i].Id, out var list))
            {
                events[i] = events[i] with { Sources = list };
            }
        }

        return events;
    }

    private static WatchEvent Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Seq = r.GetInt64(1),
        Kind = EventNames.Parse<EventKind>(r.GetString(2)),
        Status = EventNames.Parse<EventStatus>(r.GetString(3)),
        MergedInto = r.IsDBNull(4) ? null : r.GetInt64(4),
        Date = Db.ParseDate(r.GetString(5)),
        DateEnd = r.IsDBNull(6) ? null : Db.ParseDate(r.GetString(6)),
        DatePrecision = EventNames.Parse<DatePrecision>(r.GetString(7)),
        Summary = r.GetString(8),
        Topics = StoredJson.ReadStrings(r.GetString(9)),
        Places = StoredJson.ReadStrings(r.GetString(10)),
        Actors = StoredJson.ReadStrings(r.GetString(11)),
        Severity = r.GetInt32(12),
        Confidence = r.GetDouble(13),
        Stance = r.IsDBNull(14) ? null : EventNames.Parse<CeasefireStance>(r.GetString(14)),
        ClaimedBy = r.NullableString(15),
        Casualties = StoredJson.ReadCasualties(r.GetString(16)),
        CreatedAt = Db.ParseTime(r.GetString(17)),
        ChangedAt = Db.ParseTime(r.GetString(18)),
    };

    private static async Task<Dictionary<long, List<EventSource>>> ReadSourcesAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> eventIds, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
                """
                SELECT event_id, file, url, title, published, sentence FROM event_sources
                WHERE event_id IN (SELECT value FROM json_each(@ids)) ORDER BY event_id, id
                """, transaction)
            .With("@ids", StoredJson.Ids(eventIds));
        var sources = new Dictionary<long, List<EventSource>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var eventId = reader.GetInt64(0);
            if (!sources.TryGetValue(eventId, out var list))
            {
                sources[eventId] = list = [];
            }

            list.Add(new EventSource(
                reader.NullableString(1),
                reader.NullableString(2),
                reader.NullableString(3),
                reader.IsDBNull(4) ? null : Db.ParseDate(reader.GetString(4)),
                reader.NullableString(5)));
        }

        return sources;
    }

    private static SqliteCommand WithEventParameters(SqliteCommand command)
    {
        foreach (var name in RowParameters)
        {
            command.With(name, null);
        }

        return command;
    }

    public static async Task<WatchEvent?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT {EventRows.Columns} FROM events WHERE id = @id", transaction).With("@id", id);
        var found = await EventRows.ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public static WatchEvent FromDraft(EventDraft draft, long seq, DateTimeOffset now) => Normalize(new WatchEvent
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
    public static WatchEvent Normalize(WatchEvent e) => e with
    {
        Summary = e.Summary ?? "",
        Topics = e.Topics ?? [],
        Places = e.Places ?? [],
        Actors = e.Actors ?? [],
        Casualties = e.Casualties ?? [],
        Sources = e.Sources ?? [],
    };

    /// <summary>The event's row without its sources, or null.</summary>
    public static async Task<WatchEvent?> GetRowAsync(SqliteConnection connection, SqliteTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT {Columns} FROM events WHERE id = @id", transaction).With("@id", id);
        var found = await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// Overwrites the stored row of <paramref name="revised"/> (by its id) and adds those of its sources that the event
    /// does not have yet (same file, URL and sentence), after the ones it has: an article adds to an event without the
    /// event's other sources being read or written again. When <paramref name="stored"/> (the row as it is stored) would
    /// be written back unchanged, as when an article only corroborates the event, the row is not written at all.
    /// Call inside a write transaction.
    /// </summary>
    public static async Task AddToAsync(Statements statements, WatchEvent revised, CancellationToken cancellationToken, WatchEvent? stored = null)
    {
        var values = RowValues(revised);
        if (stored is null || stored.Id != revised.Id || !values.SequenceEqual(RowValues(stored)))
        {
            var update = statements.Get("update event", UpdateCommand);
            Bind(update, values);
            update.Set("@id", revised.Id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var add = statements.Sql(
            """
            INSERT INTO event_sources (event_id, file, url, title, published, sentence)
            SELECT @event_id, @file, @url, @title, @published, @sentence
            WHERE NOT EXISTS (SELECT 1 FROM event_sources
                              WHERE event_id = @event_id AND file IS @file AND url IS @url AND sentence IS @sentence)
            """, "@event_id", "@file", "@url", "@title", "@published", "@sentence");
        await InsertSourcesAsync(add, revised.Id, revised.Sources, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Overwrites the stored row of <paramref name="revised"/> (by its id) and replaces its sources. Call inside a write transaction.</summary>
    public static async Task RewriteAsync(SqliteConnection connection, SqliteTransaction transaction, WatchEvent revised, CancellationToken cancellationToken)
    {
        var id = revised.Id;
        using (var update = UpdateCommand(connection, transaction))
        {
            Bind(update, revised);
            update.Set("@id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var delete = connection.Command("DELETE FROM event_sources WHERE event_id = @id", transaction).With("@id", id))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var insertSource = InsertSourceCommand(connection, transaction))
        {
            await InsertSourcesAsync(insertSource, id, revised.Sources, cancellationToken).ConfigureAwait(false);
        }
    }
}
