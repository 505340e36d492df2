using Microsoft.Data.Sqlite;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage;

/// <summary>
/// PRAGMA quick_check on an existing database file before anything else opens it, read-only and bounded in time:
/// a file with a valid header and garbage inside is refused at start with one sentence instead of failing later,
/// mid-command. A check that runs out of time is interrupted and counts as passed (a huge file must still start).
/// </summary>
public static class IntegrityCheck
{
    /// <summary>Throws <see cref="StorageException"/> when the file exists and quick_check finds damage; never writes.</summary>
    public static async Task RequireSoundAsync(string path, TimeSpan limit, CancellationToken cancellationToken)
    {
        DatabaseFile.Check(path);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        string? verdict;
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var timer = new Timer(_ => SQLitePCL.raw.sqlite3_interrupt(connection.Handle), null, limit, Timeout.InfiniteTimeSpan);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(3)";
            var problems = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                problems.Add(reader.GetString(0));
            }

            verdict = problems.Count == 1 && problems[0] == "ok" ? null : string.Join("; ", problems);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 9)
        {
            return; // interrupted: the file is too big to check in the time allowed
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26)
        {
            verdict = ex.Message;
        }

        if (verdict is not null)
        {
            throw new StorageException(
                $"The database '{path}' is damaged ({SafeClip(verdict)}); it was left untouched: restore a backup (docs/operations.md) or point --db at another file.",
                path);
        }
    }

    private static string SafeClip(string text)
    {
        var line = text.ReplaceLineEndings(" ").TrimEnd('.');
        return line.Length <= 120 ? line : line[..120] + "…";
    }
}
