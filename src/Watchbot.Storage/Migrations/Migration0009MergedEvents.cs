namespace Watchbot.Storage.Migrations;

/// <summary>An event folded into another by /admin merge is "merged" and names the event it lives in; before this it was
/// stored as rejected and only the audit log ("#5 into #3") told the difference, so those rows are converted from it.</summary>
internal static class Migration0009MergedEvents
{
    public const string Sql = """
        ALTER TABLE events ADD COLUMN merged_into INTEGER;

        UPDATE events
        SET status = 'merged',
            merged_into = (
                SELECT CAST(substr(a.details, length('#' || events.id || ' into #') + 1) AS INTEGER)
                FROM audit_log a
                WHERE a.action = 'merge' AND a.details LIKE '#' || events.id || ' into #%'
                ORDER BY a.id DESC LIMIT 1)
        WHERE status = 'rejected'
          AND EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'merge' AND a.details LIKE '#' || events.id || ' into #%');
        """;
}
