using Watchbot.Core.Messages;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Events;
using Watchbot.Host.Composition;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot ingest &lt;file|folder|url&gt;...`: reads once, prints what it read and extracted, and exits
/// (1 when something was skipped, so a script notices).</summary>
public static class IngestVerb
{
    private static readonly Argument<string[]> Sources = new("source")
    {
        Description = "Article files, folders of .txt/.md/.html files, or http(s) URLs of feeds or pages",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command("ingest", "Read articles once, store them with the events found in them, and print what was found");
        command.Arguments.Add(Sources);
        command.SetAction((result, ct) => Verb.WithHostAsync(result.GetValue(WatchbotCli.Db), HostMode.Tool, async (host, token) =>
        {
            var specs = (result.GetValue(Sources) ?? []).Select(SourceSpec.Guess).ToList();
            if (specs.FirstOrDefault(s => s.Error is not null) is { } bad)
            {
                return await Verb.FailAsync(bad.Error!).ConfigureAwait(false);
            }

            // Each article is printed as soon as it is stored, and its events let go: a large folder is not held in memory.
            var report = await host.Services.GetRequiredService<IngestService>().RunAsync(specs, token, each: article => Console.Out.Write(Describe(article)))
                .ConfigureAwait(false);

            await Console.Out.WriteLineAsync(
                $"{report.Articles.Count} read: {report.Stored} stored, {report.Duplicates} already stored, {report.Skipped} skipped; " +
                $"{Counted.Of(report.EventsAdded, "event")} added, {report.EventsMerged} merged into earlier ones.").ConfigureAwait(false);
            return report.Skipped > 0 ? 1 : Verb.Ok;
        }, ct));
        return command;
    }

    public static string Describe(ArticleReport article)
    {
        var nl = Environment.NewLine;
        switch (article.Outcome)
        {
            case ArticleOutcome.Skipped:
                return $"skipped  {article.Origin}: {article.Reason}{nl}";
            case ArticleOutcome.Duplicate:
                return $"already stored  {article.Origin}{nl}";
        }

        var a = article.Article!;
        var date = a.DateFound ? $"{a.Published:yyyy-MM-dd}" : $"no date found, read on {a.Published:yyyy-MM-dd}";
        var lines = $"stored  {article.Origin}: \"{a.Title}\" ({date}{(a.Author is null ? "" : ", " + a.Author)}){nl}";
        foreach (var e in article.AddedEvents)
        {
            lines += $"  + #{e.Id} {Line(e)}{nl}";
        }

        foreach (var e in article.MergedEvents)
        {
            lines += $"  ~ #{e.Id} {Line(e)} (another source){nl}";
        }

        return lines;
    }

    private static string Line(WatchEvent e) =>
        $"{e.Kind.Name()} {e.Date:yyyy-MM-dd} sev {e.Severity} [{e.Status.Name()}] {string.Join(",", e.Topics)}: {e.Summary}";
}
