using System.CommandLine;
using Watchbot.Host.Composition;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot run` (also the default): the whole bot until Ctrl+C.</summary>
public static class RunVerb
{
    public static Command Create()
    {
        var command = new Command("run", "Run the whole bot: jobs, delivery, and the console chat when no platform token is set");
        command.SetAction(ExecuteAsync);
        return command;
    }

    public static Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken) =>
        Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Run, (host, ct) => HostRun.RunAsync(host, Console.Error, ct), cancellationToken);
}
