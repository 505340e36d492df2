namespace Watchbot.Storage.Migrations;

/// <summary>
/// Article URLs fetched before whose article is not stored under them: a duplicate of a stored text, a page gone for good,
/// or one failing for now with its attempts and when it may be asked again. With the articles' own URLs this tells the
/// ingest never to fetch the same page twice across runs. One row per URL.
/// </summary>
internal static class Migration0013FetchedUrls
{
    public const string Sql = """
        CREATE TABLE fetched_urls (
            url TEXT PRIMARY KEY,
            verdict TEXT NOT NULL CHECK (verdict IN ('duplicate', 'gone', 'failing')),
            attempts INTEGER NOT NULL,
            reason TEXT,
            last_at TEXT NOT NULL,
            not_before TEXT
        ) WITHOUT ROWID;
        """;
}
