namespace Watchbot.Storage.Migrations;

/// <summary>Running tallies are read from the few events that carry a cumulative figure, from the period before the
/// events shown; index just those, by the date a figure counts for (the end of a range), so reading them walks neither a
/// year of other events nor a year of old figures. The condition is the one the event store's query repeats.</summary>
internal static class Migration0009TallyIndex
{
    public const string Sql = """
        CREATE INDEX events_tallies ON events (COALESCE(date_end, date)) WHERE status = 'published' AND instr(casualties, '"cumulative":true') > 0;
        """;
}
