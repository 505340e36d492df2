namespace Watchbot.Storage.Migrations;

/// <summary>A queued message someone is waiting for (/digest now, the recap after /subscribe) goes out ahead of bulk.</summary>
internal static class Migration0011AskedMessages
{
    public const string Sql = """
        ALTER TABLE outbox ADD COLUMN asked INTEGER NOT NULL DEFAULT 0;
        """;
}
