namespace Watchbot.Storage.Migrations;

/// <summary>A topic declares its sides (the belligerents, with their aliases and camps) as JSON; actors may carry aliases too.</summary>
internal static class Migration0008TopicSides
{
    public const string Sql = """
        ALTER TABLE topics ADD COLUMN sides TEXT NOT NULL DEFAULT '[]';
        """;
}
