using Watchbot.Core.Messages;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Host.Composition;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot events add`: a curator's hand-entered event, published at once unless its date lies in the future
/// (then it waits for review). Places and actors must be the topic's, by any of their names; they are stored by their canonical ones.</summary>
public static class EventsAddVerb
{
    private static readonly Option<string> Topic = new("--topic") { Description = "The topic, such as karabakh", Required = true };
    private static readonly Option<string> Kind = new("--kind") { Description = EventKinds.NamesText, Required = true };
    private static readonly Option<string> Date = new("--date") { Description = "When it happened, yyyy-MM-dd", Required = true };
    private static readonly Option<string> Summary = new("--summary") { Description = "One sentence saying what happened", Required = true };
    private static readonly Option<string[]> Place = new("--place") { Description = "A place (repeatable)", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> Actor = new("--actor") { Description = "An actor (repeatable)" };
    private static readonly Option<int> Severity = new("--severity") { Description = "1 (minor) to 5 (grave)", DefaultValueFactory = _ => 3, CustomParser = r => (int)Math.Clamp(ParseProblem.WholeNumber(r, "a severity; use a number from 1 (minor) to 5 (grave)"), -1, 99) };
    private static readonly Option<string?> SourceUrl = new("--source-url") { Description = "Where it was reported (http or https)" };
    private static readonly Option<string?> Stance = new("--stance") { Description = "For ceasefire events: call, agreement, in_force, violation, rejection" };
    private static readonly Option<string?> ClaimedBy = new("--claimed-by") { Description = "Who says so" };

    public static Command Create()
    {
        var command = new Command("add", "Add an event by hand; it is published at once (a future date is held for review)");
        foreach (var option in new Option[] { Topic, Kind, Date, Summary, Place, Actor, Severity, SourceUrl, Stance, ClaimedBy })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var problem = Check(result, out var kind, out var date, out var stance);
            if (problem is not null)
            {
                return await Verb.FailAsync(problem).ConfigureAwait(false);
            }

            var topicName = TopicNames.Normalize(result.GetValue(Topic)!);
            var topics = host.Services.GetRequiredService<ITopicStore>();
            var topic = await topics.GetAsync(topicName, token).ConfigureAwait(false);
            if (topic is null)
            {
                var known = (await topics.ListAsync(token).ConfigureAwait(false)).Select(t => t.Name).ToList();
                return await Verb.FailAsync($"There is no topic '{Clip(topicName)}'; use one of: {string.Join(", ", known)} (or add it to config/topics.json).").ConfigureAwait(false);
            }

            var (places, placeProblem) = topic.CanonicalPlaces(result.GetValue(Place) ?? [], n => Clip(n));
            var (actors, actorProblem) = topic.CanonicalActors(result.GetValue(Actor) ?? [], n => Clip(n));
            if ((placeProblem ?? actorProblem) is { } nameProblem)
            {
                return await Verb.FailAsync($"{nameProblem}; `/admin topic list` shows its names (or add it to config/topics.json).").ConfigureAwait(false);
            }

            // A date after today is more likely a typo than news: the event waits for a curator instead of going out.
            var future = date > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
            var url = result.GetValue(SourceUrl);
            var draft = new EventDraft
            {
                Kind = kind,
                Date = date,
                Summary = result.GetValue(Summary)!.Trim(),
                Topics = [topicName],
                Places = places,
                Actors = actors,
                Severity = result.GetValue(Severity),
                Stance = stance,
                ClaimedBy = result.GetValue(ClaimedBy),
                Sources = url is null ? [] : [new EventSource(null, url, null, null, null)],
                Status = future ? EventStatus.Pending : EventStatus.Published,
            };
            var stored = await host.Services.GetRequiredService<IEventStore>().AddAsync(draft, token).ConfigureAwait(false);
            await host.Services.GetRequiredService<IAuditLog>()
                .AddAsync($"cli:{Environment.UserName}", "event add", $"#{stored.Id} {stored.Kind.Name()} {topicName}", DateTimeOffset.UtcNow, token)
                .ConfigureAwait(false);
            await Console.Out.WriteLineAsync(future
                ? $"Held event #{stored.Id} for review: its date {date:yyyy-MM-dd} is in the future; /admin review lists it and /admin approve {stored.Id} publishes it."
                : $"Added event #{stored.Id} (seq {stored.Seq}) to {topicName}: {stored.Summary}").ConfigureAwait(false);
            return Verb.Ok;
        }, ct));
        return command;
    }

    private static string? Check(ParseResult result, out EventKind kind, out DateOnly date, out CeasefireStance? stance)
    {
        date = default;
        stance = null;
        if (!EventNames.TryParse(result.GetValue(Kind), out kind))
        {
            return $"--kind '{Clip(result.GetValue(Kind))}' is not a kind; use {EventKinds.NamesText}.";
        }

        if (!DateOnly.TryParseExact(result.GetValue(Date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return $"--date '{Clip(result.GetValue(Date))}' is not a date; write it as yyyy-MM-dd, such as 2020-10-04.";
        }

        var summary = result.GetValue(Summary) ?? "";
        if (string.IsNullOrWhiteSpace(summary) || summary.Length > 1000)
        {
            return "--summary must be one sentence of 1 to 1000 characters.";
        }

        if (result.GetValue(Severity) is < 1 or > 5)
        {
            return "--severity must be a number from 1 (minor) to 5 (grave).";
        }

        var url = result.GetValue(SourceUrl);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return $"--source-url '{Clip(url)}' is not an http or https address.";
        }

        var stanceText = result.GetValue(Stance);
        if (stanceText is not null)
        {
            if (!EventNames.TryParse<CeasefireStance>(stanceText, out var parsed))
            {
                return $"--stance '{Clip(stanceText)}' is not a stance; use call, agreement, in_force, violation or rejection.";
            }

            stance = parsed;
        }

        return null;
    }

    internal static string Clip(string? text) => text is null ? "" : text.Length <= 40 ? text : SafeText.Prefix(text, 40) + "…";
}
