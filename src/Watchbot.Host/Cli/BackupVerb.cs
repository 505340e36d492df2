using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Host.Composition;
using Watchbot.Storage;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot backup &lt;path&gt;`: a consistent copy of the live database (SQLite's online backup), safe while
/// the bot runs; the copy is checked before the verb says it is good. Restoring is in docs/operations.md.</summary>
public static class BackupVerb
{
    private static readonly Argument<string> Target = new("path") { Description = "The backup file to write" };
    private static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Replace the file if it exists" };

    public static Command Create()
    {
        var command = new Command("backup", "Copy the live database to a file, consistently, while the bot runs");
        command.Arguments.Add(Target);
        command.Options.Add(Overwrite);
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var target = Path.GetFullPath(result.GetValue(Target)!);
            string summary;
            var folder = Path.GetDirectoryName(target);
            if (folder is not null && !Directory.Exists(folder))
            {
                return await Verb.FailAsync($"The folder {folder} does not exist; create it or choose a backup file in a folder that does.").ConfigureAwait(false);
            }

            if (File.Exists(target) && !result.GetValue(Overwrite))
            {
                return await Verb.FailAsync($"{target} exists; choose a new file or add --overwrite.").ConfigureAwait(false);
            }

            // Written beside the target and moved over it only once it checks out, so a failed backup never spoils an older one.
            var partial = $"{target}.partial-{Guid.NewGuid():N}";
            var store = host.Services.GetRequiredService<SqliteStore>();
            var clock = Stopwatch.StartNew();
            try
            {
                await store.BackupAsync(partial, token).ConfigureAwait(false);
                var (check, events, subscriptions) = await InspectAsync(partial, token).ConfigureAwait(false);
                if (check != "ok")
                {
                    return await Verb.FailAsync($"The backup failed its integrity check ({check}); {target} was not written. Run the backup again.").ConfigureAwait(false);
                }

                File.Move(partial, target, overwrite: true);
                summary = $"{events} events, {subscriptions} subscriptions";
            }
            finally
            {
                File.Delete(partial);
            }

            await Console.Out.WriteLineAsync(
                $"Backed up {store.Path} to {target}: {summary}, " +
                $"{new FileInfo(target).Length / (1024.0 * 1024.0):0.0} MB in {clock.ElapsedMilliseconds} ms; integrity check ok.").ConfigureAwait(false);
            return Verb.Ok;
        }, ct));
        return command;
    }

    private static async Task<(string Check, long Events, long Subscriptions)> InspectAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        async Task<object?> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        var check = (string?)await ScalarAsync("PRAGMA integrity_check").ConfigureAwait(false) ?? "no answer";
        var events = (long)(await ScalarAsync("SELECT COUNT(*) FROM events").ConfigureAwait(false) ?? 0L);
        var subscriptions = (long)(await ScalarAsync("SELECT COUNT(*) FROM subscriptions").ConfigureAwait(false) ?? 0L);
        return (check, events, subscriptions);
    }
}
