using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>
/// The stored events an article's items could merge into, found through the (kind, date) index: the same kind as an item
/// and dated within a day of it (the only events <c>Curator.SameThing</c> can accept), newest seq first. Each comes with
/// only its sources from the article's own file or URL, through the (event, file, url) index: an event reported by
/// thousands of articles is not read whole for every new one.
/// </summary>
internal static class MergeCandidates
{
    /// <summary>Registers on <paramref name="connection"/> the function the lookups fold names with: OrdinalIgnoreCase, as
    /// the curator compares them (SQLite's NOCASE folds ASCII only).</summary>
    public static void Prepare(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?>("watchbot_fold", v => v?.ToUpperInvariant(), isDeterministic: true);

    /// <summary>The candidates of <paramref name="items"/>; call <see cref="Prepare"/> on the connection first.</summary>
    /// <param name="regions">Places too large to say by themselves that two escalations are the same one.</param>
    public static async Task<List<WatchEvent>> ReadAsync(Statements statements, IReadOnlyList<EventDraft> items, IReadOnlySet<string> regions,
        CancellationToken cancellationToken)
    {
        var events = new List<WatchEvent>();
        var seen = new HashSet<long>();
        foreach (var item in items)
        {
            if (Filter(item, regions) is not var (condition, parameters))
            {
                continue;
            }

            var query = statements.Sql(
                $"SELECT {EventRows.Columns} FROM events WHERE kind = @kind AND date BETWEEN @from AND @to AND ({condition})",
                ["@kind", "@from", "@to", .. parameters.Select(p => p.Name)]);
            query.Set("@kind", item.Kind.Name());
            query.Set("@from", Db.Date(item.Date.AddDays(-1)));
            query.Set("@to", Db.Date(item.Date.AddDays(1)));
            foreach (var (name, value) in parameters)
            {
                query.Set(name, value);
            }

            foreach (var e in await EventRows.ReadRowsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(e.Id))
                {
                    events.Add(e);
                }
            }
        }

        if (events.Count == 0)
        {
            return events;
        }

        events.Sort((a, b) => b.Seq.CompareTo(a.Seq));
        var origins = items.SelectMany(i => i.Sources ?? []).Select(s => (s.File, s.Url)).Distinct().ToList();
        var sources = new Dictionary<long, List<(long Id, EventSource Source)>>();
        var find = statements.Sql(
            """
            SELECT s.event_id, s.id, s.file, s.url, s.title, s.published, s.sentence
            FROM json_each(@ids) AS ids JOIN event_sources AS s ON s.event_id = ids.value
            WHERE s.file IS @file AND s.url IS @url
            """, "@ids", "@file", "@url");
        find.Set("@ids", StoredJson.Ids(events.Select(e => e.Id).ToList()));
        foreach (var (file, url) in origins)
        {
            find.Set("@file", file);
            find.Set("@url", url);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var eventId = reader.GetInt64(0);
                if (!sources.TryGetValue(eventId, out var list))
                {
                    sources[eventId] = list = [];
                }

                list.Add((reader.GetInt64(1), new EventSource(
                    reader.NullableString(2),
                    reader.NullableString(3),
                    reader.NullableString(4),
                    reader.IsDBNull(5) ? null : Db.ParseDate(reader.GetString(5)),
                    reader.NullableString(6))));
            }
        }

        for (var i = 0; i < events.Count; i++)
        {
            events[i] = events[i] with
            {
                Sources = sources.TryGetValue(events[i].Id, out var list) ? list.OrderBy(s => s.Id).Select(s => s.Source).ToList() : [],
            };
        }

        return events;
    }

    /// <summary>
    /// What a stored event of the item's kind must have to possibly be the same thing (more than
    /// <c>Curator.SameThing</c> asks, never less): a figure with one of its counts; the same stance and speaker; a place of
    /// its own that is not a region, or (when it names no such place) the same first actor. Null when nothing stored can
    /// match (a ceasefire without a speaker, an escalation with neither place nor actor).
    /// </summary>
    private static (string Condition, List<(string Name, object? Value)> Parameters)? Filter(EventDraft item, IReadOnlySet<string> regions)
    {
        switch (item.Kind.Info().Merge)
        {
            case MergeRule.SameFigure:
                var counts = (item.Casualties ?? []).Select(c => (long)c.Count).Distinct().ToList();
                return counts.Count == 0
                    ? null
                    : ("EXISTS (SELECT 1 FROM json_each(events.casualties) AS c WHERE json_extract(c.value, '$.count') IN (SELECT value FROM json_each(@counts)))",
                        [("@counts", StoredJson.Ids(counts))]);
            case MergeRule.SameStanceAndSpeaker:
                return item.ClaimedBy is null
                    ? null
                    : ("stance IS @stance AND watchbot_fold(claimed_by) = watchbot_fold(@claimed_by)",
                        [("@stance", item.Stance?.Name()), ("@claimed_by", item.ClaimedBy)]);
            case MergeRule.SharedActor:
                var named = (item.Actors ?? []).Select(a => a.ToUpperInvariant()).Distinct().ToList();
                return named.Count == 0
                    ? ("json_array_length(events.actors) = 0", [])
                    : ("EXISTS (SELECT 1 FROM json_each(events.actors) AS a WHERE watchbot_fold(a.value) IN (SELECT value FROM json_each(@actors)))",
                        [("@actors", StoredJson.Strings(named))]);
            default:
                var places = (item.Places ?? []).Where(p => !regions.Contains(p)).Select(p => p.ToUpperInvariant()).Distinct().ToList();
                if (places.Count > 0)
                {
                    return ("EXISTS (SELECT 1 FROM json_each(events.places) AS p WHERE watchbot_fold(p.value) IN (SELECT value FROM json_each(@places)))",
                        [("@places", StoredJson.Strings(places))]);
                }

                return item.Actors is { Count: > 0 } actors
                    ? ("date = @date AND watchbot_fold(json_extract(events.actors, '$[0]')) = watchbot_fold(@actor)",
                        [("@date", Db.Date(item.Date)), ("@actor", actors[0])])
                    : null;
        }
    }
}
