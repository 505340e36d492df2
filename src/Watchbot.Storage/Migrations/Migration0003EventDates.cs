namespace Watchbot.Storage.Migrations;

/// <summary>Ingest looks for the events an article may add to by date; index it so that stays cheap as the store grows.</summary>
internal static class Migration0003EventDates
{
    public const string Sql = """
        CREATE INDEX events_date ON events (date);
        """;
}
