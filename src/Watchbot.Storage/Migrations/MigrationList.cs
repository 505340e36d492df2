namespace Watchbot.Storage.Migrations;

/// <summary>Every migration, oldest first. Append new ones; never edit or remove one that has shipped.</summary>
public static class MigrationList
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial schema", Migration0001Initial.Sql),
        new(2, "chat settings and held alerts", Migration0002ChatSettings.Sql),
        new(3, "index on event dates", Migration0003EventDates.Sql),
        new(4, "shared digest bodies", Migration0004DigestBodies.Sql),
        new(5, "text cursors", Migration0005TextCursors.Sql),
        new(6, "parts of split messages sent", Migration0006PartsSent.Sql),
        new(7, "paused chats", Migration0007PausedChats.Sql),
        new(8, "topic sides", Migration0008TopicSides.Sql),
        new(9, "merged events", Migration0009MergedEvents.Sql),
        new(10, "indexes of running tallies and due digests", Migration0010TallyIndex.Sql),
        new(11, "messages a person asked for", Migration0011AskedMessages.Sql),
        new(12, "indexes for merge lookups", Migration0012MergeIndexes.Sql),
        new(13, "article URLs fetched before", Migration0013FetchedUrls.Sql),
        new(14, "digest chart on or off", Migration0014DigestChart.Sql),
    ];
}
