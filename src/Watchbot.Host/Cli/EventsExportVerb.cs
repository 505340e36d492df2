using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Stores;
using Watchbot.Host.Composition;
using Watchbot.Host.EventJsonl;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot events export --format jsonl`: every event, one JSON object a line (docs/event-schema.md).</summary>
public static class EventsExportVerb
{
    private static readonly Option<string> Format = new("--format") { Description = "jsonl (the only format)", DefaultValueFactory = _ => "jsonl" };

    public static Command Create()
    {
        var command = new Command("export", "Export every event as JSON lines");
        command.Options.Add(Format);
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            if (!string.Equals(result.GetValue(Format), "jsonl", StringComparison.OrdinalIgnoreCase))
            {
                return await Verb.FailAsync($"--format '{EventsAddVerb.Clip(result.GetValue(Format))}' is not supported; use --format jsonl.").ConfigureAwait(false);
            }

            await EventExport.WriteJsonlAsync(host.Services.GetRequiredService<IEventStore>(), Console.Out, token).ConfigureAwait(false);
            return Verb.Ok;
        }, ct));
        return command;
    }
}
