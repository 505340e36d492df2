using Microsoft.Data.Sqlite;

namespace Watchbot.Host.Tests.Support;

/// <summary>A database file checked on its own, read-only and outside any pool, as docs/operations.md tells an operator
/// to check one: "ok" or SQLite's list of what is wrong.</summary>
public static class Integrity
{
    public static async Task<string> OfFileAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
