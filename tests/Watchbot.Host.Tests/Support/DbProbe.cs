using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Watchbot.Host.Tests.Support;

/// <summary>Looks into a database file that a bot under test (often another process) is writing: read-only and
/// without pooling, so no handle outlives the look and nothing the test does can block the bot.</summary>
public static class DbProbe
{
    /// <summary>The first column of the first row, as a number (COUNT(*), MAX(seq), ...; NULL reads as 0).</summary>
    public static async Task<long> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Asks again every 100 ms, for at most 30 s, until the condition holds; a file busy for a moment is asked again.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (SqliteException)
            {
                // Busy for a moment; look again.
            }

            await Task.Delay(100);
        }

        return false;
    }
}
