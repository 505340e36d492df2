using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Events;
using Watchbot.Core.Storage;
using Watchbot.Extraction.Curation;
using Watchbot.Extraction.Evaluation;
using Watchbot.Host.Composition;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot eval --articles &lt;folder&gt; --gold &lt;gold.json&gt;`: ingests the folder into a fresh temporary store
/// and scores what was stored against the gold annotation.</summary>
public static class EvalVerb
{
    private static readonly Option<string> Articles = new("--articles") { Description = "A folder of article files", Required = true };
    private static readonly Option<string> Gold = new("--gold") { Description = "The gold annotation (the format of seeds-gold.json)", Required = true };
    private static readonly Option<string?> ReadDate = new("--read-date")
    {
        Description = "The day the articles count as read, yyyy-MM-dd (default today): the year of a date written without one",
    };

    public static Command Create()
    {
        var command = new Command("eval", "Score the extractor: ingest a folder into a temporary store and compare it with a gold file");
        command.Options.Add(Articles);
        command.Options.Add(Gold);
        command.Options.Add(ReadDate);
        command.SetAction(async (result, ct) =>
        {
            var folder = Path.GetFullPath(result.GetValue(Articles)!);
            var goldPath = Path.GetFullPath(result.GetValue(Gold)!);
            DateOnly? readDate = null;
            if (result.GetValue(ReadDate) is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                {
                    return await Verb.FailAsync($"--read-date '{day}' is not a date; write it as yyyy-MM-dd.").ConfigureAwait(false);
                }

                readDate = parsed;
            }

            if (!Directory.Exists(folder))
            {
                return await Verb.FailAsync($"--articles {folder} is not a folder.").ConfigureAwait(false);
            }

            GoldFile gold;
            try
            {
                gold = GoldFile.Parse(await File.ReadAllTextAsync(goldPath, ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
            {
                return await Verb.FailAsync($"--gold {goldPath} cannot be read as a gold file ({ex.Message.TrimEnd('.')}).").ConfigureAwait(false);
            }

            var scratch = Path.Combine(Path.GetTempPath(), $"watchbot-eval-{Guid.NewGuid():N}");
            Directory.CreateDirectory(scratch);
            try
            {
                return await Verb.WithHostAsync(Path.Combine(scratch, "eval.db"), HostMode.Tool, async (host, token) =>
                {
                    var run = await host.Services.GetRequiredService<IngestService>().RunAsync([new SourceSpec(SourceKind.Folder, folder)], token, readDate).ConfigureAwait(false);
                    var stored = await host.Services.GetRequiredService<IEventStore>()
                        .ListAsync(new EventQuery { Status = null, Limit = 1_000_000 }, token).ConfigureAwait(false);
                    var articles = run.Articles.Where(a => a.Article is not null).ToDictionary(a => a.Origin, a => a.Article!, StringComparer.Ordinal);
                    var report = Evaluator.Evaluate(ByFile(stored), gold, articles);
                    await Console.Out.WriteAsync(report.Format()).ConfigureAwait(false);
                    foreach (var skipped in run.Articles.Where(a => a.Outcome == ArticleOutcome.Skipped))
                    {
                        await Console.Out.WriteLineAsync($"skipped: {skipped.Origin}: {skipped.Reason}").ConfigureAwait(false);
                    }

                    return Verb.Ok;
                }, ct).ConfigureAwait(false);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }

    /// <summary>Each stored event as each article it came from saw it: an event merged from two files counts in both.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EventDraft>> ByFile(IEnumerable<WatchEvent> stored) =>
        stored
            .Where(e => e.Status != EventStatus.Rejected)
            .SelectMany(e => e.Sources.Where(s => s.File is not null).GroupBy(s => s.File!)
                .Select(g => (File: g.Key, Draft: IngestPlanner.ToDraft(e) with { Sources = g.ToList() })))
            .GroupBy(x => x.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EventDraft>)g.Select(x => x.Draft).ToList(), StringComparer.Ordinal);
}
