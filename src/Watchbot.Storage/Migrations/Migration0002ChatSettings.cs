namespace Watchbot.Storage.Migrations;

/// <summary>Quiet hours and snoozes per chat; held alerts gather in one pending outbox row per chat.</summary>
internal static class Migration0002ChatSettings
{
    public const string Sql = """
        ALTER TABLE outbox ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX outbox_held ON outbox (platform, chat_id) WHERE held = 1 AND status = 'pending';

        CREATE TABLE chat_settings (
            platform     TEXT NOT NULL,
            chat_id      TEXT NOT NULL,
            quiet_start  TEXT,
            quiet_end    TEXT,
            quiet_tz     TEXT,
            snooze_until TEXT,
            PRIMARY KEY (platform, chat_id)
        ) STRICT;
        """;
}
