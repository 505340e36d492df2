namespace Watchbot.Storage.Migrations;

/// <summary>How many parts of a split message were delivered, so a retry resumes after them instead of posting
/// them again. A held catch-up message that started going out takes no more alerts (they start a new one).</summary>
internal static class Migration0006PartsSent
{
    public const string Sql = """
        ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
        """;
}
