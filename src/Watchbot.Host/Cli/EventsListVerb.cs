using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Host.Composition;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot events list [--topic T] [--since SEQ]`: one event a line, oldest seq first.</summary>
public static class EventsListVerb
{
    private static readonly Option<string?> Topic = new("--topic") { Description = "Only this topic" };
    private static readonly Option<long> Since = new("--since") { Description = "Only events with a greater seq", CustomParser = r => ParseProblem.WholeNumber(r, "a seq (a whole number)") };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many", DefaultValueFactory = _ => 100, CustomParser = r => (int)Math.Clamp(ParseProblem.WholeNumber(r, "a limit (a whole number)"), -1, 1_000_000) };

    public static Command Create()
    {
        var command = new Command("list", "List events past a seq");
        command.Options.Add(Topic);
        command.Options.Add(Since);
        command.Options.Add(Limit);
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var limit = result.GetValue(Limit);
            if (limit is < 1 or > 100_000 || result.GetValue(Since) < 0)
            {
                return await Verb.FailAsync("--limit must be from 1 to 100000 and --since at least 0.").ConfigureAwait(false);
            }

            var events = await host.Services.GetRequiredService<IEventStore>().ListAsync(new EventQuery
            {
                Topic = result.GetValue(Topic)?.ToLowerInvariant(),
                AfterSeq = result.GetValue(Since),
                Status = null,
                Limit = limit,
            }, token).ConfigureAwait(false);
            foreach (var e in events)
            {
                await Console.Out.WriteLineAsync(
                    $"#{e.Id}\tseq {e.Seq}\t{e.Date:yyyy-MM-dd}\t{e.Kind.Name()}\t{e.Status.Name()}\tsev {e.Severity}\t{string.Join(",", e.Topics)}\t{e.Summary}")
                    .ConfigureAwait(false);
            }

            if (events.Count == 0)
            {
                await Console.Out.WriteLineAsync("No events.").ConfigureAwait(false);
            }

            return Verb.Ok;
        }, ct));
        return command;
    }
}
