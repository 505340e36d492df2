using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Host.Composition;

using Watchbot.Core.Messages;
namespace Watchbot.Host.Cli;

/// <summary>`watchbot events show ID`: every field and every source with its sentence.</summary>
public static class EventsShowVerb
{
    private static readonly Argument<long> Id = new("id") { Description = "The event's id", CustomParser = r => ParseProblem.WholeNumber(r, "an event id (a whole number, as `watchbot events list` shows)") };

    public static Command Create()
    {
        var command = new Command("show", "Show one event with its sources");
        command.Arguments.Add(Id);
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var e = await host.Services.GetRequiredService<IEventStore>().GetAsync(result.GetValue(Id), token).ConfigureAwait(false);
            if (e is null)
            {
                return await Verb.FailAsync($"There is no event #{result.GetValue(Id)}; `watchbot events list` shows the ids.").ConfigureAwait(false);
            }

            var o = Console.Out;
            var status = EventStatusText.Describe(e);
            await o.WriteLineAsync($"#{e.Id} (seq {e.Seq}) {e.Kind.Name()}, {status}, severity {e.Severity}, confidence {e.Confidence:0.00}").ConfigureAwait(false);
            await o.WriteLineAsync($"Date: {EventFormatter.FormatDate(e)} ({e.DatePrecision.Name()})").ConfigureAwait(false);
            await o.WriteLineAsync($"Summary: {e.Summary}").ConfigureAwait(false);
            await o.WriteLineAsync($"Topics: {string.Join(", ", e.Topics)}; places: {string.Join(", ", e.Places)}; actors: {string.Join(", ", e.Actors)}").ConfigureAwait(false);
            if (e.Stance is { } stance)
            {
                await o.WriteLineAsync($"Stance: {stance.Name()}").ConfigureAwait(false);
            }

            if (e.ClaimedBy is not null)
            {
                await o.WriteLineAsync($"Claimed by: {e.ClaimedBy}").ConfigureAwait(false);
            }

            foreach (var claim in e.Casualties)
            {
                await o.WriteLineAsync($"Casualties: {EventFormatter.FormatClaim(claim, e, null)}{(claim.Cumulative ? " (cumulative)" : "")}").ConfigureAwait(false);
            }

            foreach (var source in e.Sources)
            {
                await o.WriteLineAsync($"Source: {source.Title ?? source.File ?? source.Url} {source.Url} {source.Published:yyyy-MM-dd}").ConfigureAwait(false);
                if (source.Sentence is not null)
                {
                    await o.WriteLineAsync($"  \"{source.Sentence}\"").ConfigureAwait(false);
                }
            }

            return Verb.Ok;
        }, ct));
        return command;
    }
}
