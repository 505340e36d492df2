using Microsoft.Data.Sqlite;

namespace Watchbot.Storage.Internal;

/// <summary>
/// The commands of one transaction, each made once and run as often as needed: SQLite compiles a statement on its first
/// run, and a batch of articles runs the same dozen statements thousands of times. Disposing this disposes them.
/// </summary>
internal sealed class Statements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction => transaction;

    /// <summary>The command kept under <paramref name="key"/>, made by <paramref name="make"/> the first time (with every parameter it takes).</summary>
    public SqliteCommand Get(string key, Func<SqliteConnection, SqliteTransaction, SqliteCommand> make)
    {
        if (!commands.TryGetValue(key, out var command))
        {
            commands[key] = command = make(connection, transaction);
        }

        return command;
    }

    /// <summary>The command for <paramref name="sql"/> with the parameters <paramref name="parameters"/>, made the first time.</summary>
    public SqliteCommand Sql(string sql, params string[] parameters) => Get(sql, (c, t) =>
    {
        var command = c.Command(sql, t);
        foreach (var name in parameters)
        {
            command.With(name, null);
        }

        return command;
    });

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }
}
