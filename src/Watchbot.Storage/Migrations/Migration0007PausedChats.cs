namespace Watchbot.Storage.Migrations;

/// <summary>A message held because the bot may not post in its chat until a permission is granted: a command from the
/// chat makes it due again at once, instead of after its retry interval.</summary>
internal static class Migration0007PausedChats
{
    public const string Sql = """
        ALTER TABLE outbox ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
        """;
}
