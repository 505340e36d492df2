namespace Watchbot.Storage.Migrations;

/// <summary>One forward-only schema step: a numbered SQL script applied once, in its own transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);
