using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watchbot.Charts;
using Watchbot.Core.Digests;
using Watchbot.Core.Stores;
using Watchbot.Host.Composition;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot chart karabakh [--date yyyy-MM-dd] [--out folder]`: draws the digest's chart of a topic as of a day
/// (today unless told) from the store, as the digest would carry it, and prints the PNG's path.</summary>
public static class ChartVerb
{
    private static readonly Argument<string> Topic = new("topic") { Description = "The topic, such as karabakh" };
    private static readonly Option<string?> Date = new("--date") { Description = "The chart's last day, yyyy-MM-dd (default: today, UTC)" };
    private static readonly Option<string?> Out = new("--out") { Description = "The folder to write the PNG to (default: charts/ beside the database)" };

    public static Command Create()
    {
        var command = new Command("chart", "Draw the digest's chart of a topic's killed and wounded over 30 days, and print the PNG's path");
        command.Arguments.Add(Topic);
        command.Options.Add(Date);
        command.Options.Add(Out);
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var topic = result.GetValue(Topic)!.Trim().ToLowerInvariant();
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            if (result.GetValue(Date) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                return await Verb.FailAsync($"'{text}' is not a date; write it as yyyy-MM-dd, such as 2020-10-14.").ConfigureAwait(false);
            }

            var topics = await host.Services.GetRequiredService<ITopicStore>().ListAsync(token).ConfigureAwait(false);
            if (!topics.Any(t => t.Name == topic))
            {
                return await Verb.FailAsync($"There is no topic '{topic}'; the topics are {string.Join(", ", topics.Select(t => t.Name))}.").ConfigureAwait(false);
            }

            var events = await host.Services.GetRequiredService<IEventStore>()
                .ListAsync(EventQuery.TallyHistory(topic, from: day.AddDays(-(DigestChart.Days - 1))), token).ConfigureAwait(false);
            var chart = DigestChart.For(topic, events.Where(e => (e.DateEnd ?? e.Date) <= day), day);
            if (chart is null)
            {
                await Console.Out.WriteLineAsync($"Nothing to draw: no killed or wounded tally of {topic} in the 30 days to {day:yyyy-MM-dd}.").ConfigureAwait(false);
                return Verb.Ok;
            }

            var folder = result.GetValue(Out) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(result.GetValue(WatchbotCli.Db) ?? host.Services.GetRequiredService<Storage.SqliteStore>().Path)) ?? ".", "charts");
            var renderer = new ScottPlotChartRenderer(folder, host.Services.GetRequiredService<ILogger<ScottPlotChartRenderer>>());
            var image = await renderer.RenderAsync(chart, token).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(image!.Path).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(image.Description).ConfigureAwait(false);
            return Verb.Ok;
        }, ct));
        return command;
    }
}
