namespace Watchbot.Storage.Migrations;

/// <summary>A reader position may be text (a sync token, a next-batch string) as well as a number: job_cursors gets a
/// text column beside the number one. Number cursors are untouched.</summary>
internal static class Migration0005TextCursors
{
    public const string Sql = """
        ALTER TABLE job_cursors ADD COLUMN text_value TEXT;
        """;
}
