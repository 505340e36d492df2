namespace Watchbot.Storage.Migrations;

/// <summary>Whether a subscription's digest carries the chart of its topic's tallies: on unless turned off.</summary>
internal static class Migration0014DigestChart
{
    public const string Sql = """
        ALTER TABLE subscriptions ADD COLUMN digest_chart INTEGER NOT NULL DEFAULT 1;
        """;
}
