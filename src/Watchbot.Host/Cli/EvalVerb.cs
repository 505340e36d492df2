using System.CommandLine;
using Watchbot.Extraction.Evaluation;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Cli;

/// <summary>`watchbot eval --articles &lt;folder&gt;... --gold &lt;gold.json&gt; [-v]`: ingests the folders into a fresh temporary store
/// and scores what was stored exactly as ../shared/tools/score_extraction.py --by-file-topic does (each article's topic from the
/// gold file). Exits 1 when the script would say SHORT (a negative extracted), as the script does.</summary>
public static class EvalVerb
{
    private static readonly Option<string[]> Articles = new("--articles")
    {
        Description = "A folder of article files (repeatable, or several after one --articles)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string> Gold = new("--gold") { Description = "The gold annotation (the format of seeds-gold.json); it gives each article's topic", Required = true };
    private static readonly Option<string?> ReadDate = new("--read-date")
    {
        Description = "The day the articles count as read, yyyy-MM-dd (default today): the year of a date written without one",
    };

    private static readonly Option<string?> Topic = new("--topic")
    {
        Description = "Score only events tagged with this topic, instead of each article's own topic from the gold file",
    };

    private static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "List every miss, false positive and negative extracted, and every found item with a wrong attribute, with its sentence",
    };

    public static Command Create()
    {
        var command = new Command("eval", "Score the extractor: ingest folders into a temporary store and compare what was stored with a gold file");
        command.Options.Add(Articles);
        command.Options.Add(Gold);
        command.Options.Add(ReadDate);
        command.Options.Add(Topic);
        command.Options.Add(Verbose);
        command.SetAction(async (result, ct) =>
        {
            var folders = (result.GetValue(Articles) ?? []).Select(Path.GetFullPath).ToList();
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

            if (folders.FirstOrDefault(f => !Directory.Exists(f)) is { } missing)
            {
                return await Verb.FailAsync($"--articles {missing} is not a folder.").ConfigureAwait(false);
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

            var filter = result.GetValue(Topic) is { Length: > 0 } topic ? EventFilter.OnlyTopic(topic) : EventFilter.ByArticleTopic;
            var verbose = result.GetValue(Verbose);
            return await StoredEvaluation.InTemporaryStoreAsync(async (host, token) =>
            {
                var run = await StoredEvaluation.RunAsync(host.Services, folders, gold, readDate, filter, token).ConfigureAwait(false);
                foreach (var skipped in run.Ingest.Articles.Where(a => a.Outcome == ArticleOutcome.Skipped))
                {
                    await Console.Out.WriteLineAsync($"skipped: {skipped.Origin}: {skipped.Reason}").ConfigureAwait(false);
                }

                await Console.Out.WriteAsync(run.Report.Format(verbose)).ConfigureAwait(false);
                return run.Report.Ok ? Verb.Ok : 1;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }
}
