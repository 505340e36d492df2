namespace Watchbot.Storage.Migrations;

/// <summary>
/// The first schema. Timestamps are UTC round-trip text ("2020-10-04T09:30:00.0000000+00:00") so they sort;
/// dates are yyyy-MM-dd; enums are their lower-case wire names; lists and filters are JSON.
/// </summary>
internal static class Migration0001Initial
{
    public const string Sql = """
        CREATE TABLE articles (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            content_hash TEXT    NOT NULL UNIQUE,
            origin       TEXT    NOT NULL,
            url          TEXT,
            title        TEXT    NOT NULL,
            author       TEXT,
            published    TEXT    NOT NULL,
            date_found   INTEGER NOT NULL,
            body         TEXT    NOT NULL,
            read_at      TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;

        -- The high-water mark of seq: only grows, so a seq is never given twice, even after a delete.
        CREATE TABLE event_seq (
            id       INTEGER PRIMARY KEY CHECK (id = 1),
            last_seq INTEGER NOT NULL
        ) STRICT;
        INSERT INTO event_seq (id, last_seq) VALUES (1, 0);

        CREATE TABLE events (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            seq            INTEGER NOT NULL UNIQUE,
            kind           TEXT    NOT NULL,
            status         TEXT    NOT NULL,
            date           TEXT    NOT NULL,
            date_end       TEXT,
            date_precision TEXT    NOT NULL,
            summary        TEXT    NOT NULL,
            topics         TEXT    NOT NULL DEFAULT '[]',
            places         TEXT    NOT NULL DEFAULT '[]',
            actors         TEXT    NOT NULL DEFAULT '[]',
            severity       INTEGER NOT NULL,
            confidence     REAL    NOT NULL,
            stance         TEXT,
            claimed_by     TEXT,
            casualties     TEXT    NOT NULL DEFAULT '[]',
            created_at     TEXT    NOT NULL,
            changed_at     TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX events_status_seq ON events (status, seq);
        CREATE INDEX events_changed_at ON events (changed_at);

        CREATE TABLE event_sources (
            id        INTEGER PRIMARY KEY,
            event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            file      TEXT,
            url       TEXT,
            title     TEXT,
            published TEXT,
            sentence  TEXT
        ) STRICT;
        CREATE INDEX event_sources_event ON event_sources (event_id, id);

        CREATE TABLE topics (
            name        TEXT PRIMARY KEY,
            description TEXT NOT NULL,
            places      TEXT NOT NULL DEFAULT '[]',
            actors      TEXT NOT NULL DEFAULT '[]',
            keywords    TEXT NOT NULL DEFAULT '[]'
        ) STRICT;

        CREATE TABLE subscriptions (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            platform           TEXT    NOT NULL,
            chat_id            TEXT    NOT NULL,
            user_id            TEXT,
            topic              TEXT    NOT NULL,
            filter             TEXT    NOT NULL DEFAULT '{}',
            digest_enabled     INTEGER NOT NULL,
            digest_time        TEXT    NOT NULL,
            digest_tz          TEXT    NOT NULL,
            alerts_enabled     INTEGER NOT NULL,
            alert_min_severity INTEGER NOT NULL,
            active             INTEGER NOT NULL DEFAULT 1,
            deactivated_reason TEXT,
            digest_cursor      INTEGER NOT NULL DEFAULT 0,
            last_digest_at     TEXT,
            created_at         TEXT    NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX subscriptions_identity ON subscriptions (platform, chat_id, COALESCE(user_id, ''), topic);

        CREATE TABLE outbox (
            id                  INTEGER PRIMARY KEY AUTOINCREMENT,
            platform            TEXT    NOT NULL,
            chat_id             TEXT    NOT NULL,
            subscription_id     INTEGER REFERENCES subscriptions (id) ON DELETE SET NULL,
            kind                TEXT    NOT NULL,
            message             TEXT    NOT NULL,
            status              TEXT    NOT NULL DEFAULT 'pending',
            attempts            INTEGER NOT NULL DEFAULT 0,
            created_at          TEXT    NOT NULL,
            not_before          TEXT,
            sent_at             TEXT,
            failed_at           TEXT,
            platform_message_id TEXT,
            last_error          TEXT
        ) STRICT;
        CREATE INDEX outbox_queue ON outbox (platform, status, chat_id, id);
        CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
        CREATE INDEX outbox_subscription ON outbox (subscription_id) WHERE subscription_id IS NOT NULL;

        CREATE TABLE job_cursors (
            name       TEXT    PRIMARY KEY,
            value      INTEGER NOT NULL,
            updated_at TEXT
        ) STRICT;

        CREATE TABLE audit_log (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at      TEXT NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            details TEXT NOT NULL
        ) STRICT;

        CREATE TABLE curators (
            user_key   TEXT PRIMARY KEY,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL
        ) STRICT;
        """;
}
