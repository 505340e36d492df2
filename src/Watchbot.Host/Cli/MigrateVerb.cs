using System.CommandLine;
using Watchbot.Host.Composition;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot migrate`: applies the schema and exits.</summary>
public static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database schema and exit");
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (_, _) =>
        {
            await Console.Out.WriteLineAsync("The database schema is up to date.").ConfigureAwait(false);
            return Verb.Ok;
        }, ct));
        return command;
    }
}
