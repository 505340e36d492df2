namespace Watchbot.Storage.Migrations;

/// <summary>
/// Digests with the same events have the same sections: a digest run stores those once, in outbox_bodies, and each
/// outbox row keeps the rest of its message (title, footer) with an empty section list and the body's id.
/// Rows without a body hold their whole message, as before.
/// </summary>
internal static class Migration0004DigestBodies
{
    public const string Sql = """
        CREATE TABLE outbox_bodies (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            sections TEXT    NOT NULL
        ) STRICT;
        ALTER TABLE outbox ADD COLUMN body_id INTEGER REFERENCES outbox_bodies (id);
        """;
}
