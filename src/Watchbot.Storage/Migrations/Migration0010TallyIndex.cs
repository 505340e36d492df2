namespace Watchbot.Storage.Migrations;

/// <summary>
/// What a store that has run for years must not walk. Running tallies are read from the few events that carry a
/// cumulative figure, from the period before the events shown: index just those, by the date a figure counts for (the
/// end of a range); the condition is the one the event store's query repeats. A digest run reads the subscriptions whose
/// digest may be due: each keeps when its next digest falls due (NULL: not known yet, so it is read and asked), set
/// when it is added and when a digest moves its cursor, cleared when its schedule changes.
/// </summary>
internal static class Migration0010TallyIndex
{
    public const string Sql = """
        CREATE INDEX events_tallies ON events (COALESCE(date_end, date)) WHERE status = 'published' AND instr(casualties, '"cumulative":true') > 0;
        ALTER TABLE subscriptions ADD COLUMN digest_due_at TEXT;
        CREATE INDEX subscriptions_digest_due ON subscriptions (digest_due_at) WHERE active = 1 AND digest_enabled = 1;
        """;
}
