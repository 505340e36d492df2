namespace Watchbot.Storage.Migrations;

/// <summary>
/// Indexes for the ingest's merge lookups: stored events by kind and date (an article's items are compared only with
/// events of their kind dated within a day), and an event's sources by file and URL (whether an article already reported
/// a sentence of the event), so that neither grows with the size of the store.
/// </summary>
internal static class Migration0012MergeIndexes
{
    public const string Sql = """
        CREATE INDEX events_kind_date ON events (kind, date);
        CREATE INDEX event_sources_origin ON event_sources (event_id, file, url);
        """;
}
