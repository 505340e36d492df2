using Watchbot.Core.Events;
using Watchbot.Core.Storage;
using Watchbot.Core.Topics;
using Watchbot.Extraction.Parsing;

namespace Watchbot.Extraction.Evaluation;

/// <summary>A folder of article files scored against a gold file, with the files that could not be read and why.</summary>
public sealed record FolderEvaluationResult(EvaluationReport Report, IReadOnlyList<(string File, string Reason)> Skipped)
{
    public string Format() =>
        Report.Format() + string.Concat(Skipped.Select(s => $"skipped: {s.File}: {s.Reason}{Environment.NewLine}"));
}

public static class FolderEvaluation
{
    /// <summary>
    /// Reads every .txt, .md and .html file of <paramref name="articlesFolder"/>, extracts events and scores them against
    /// <paramref name="goldPath"/>. The only I/O is reading those files; a bad file is skipped with its reason.
    /// </summary>
    public static FolderEvaluationResult Run(Extractor extractor, string articlesFolder, string goldPath, IReadOnlyList<Topic> topics, DateOnly readDate)
    {
        var gold = GoldFile.Parse(File.ReadAllText(goldPath));
        var events = new Dictionary<string, IReadOnlyList<EventDraft>>(StringComparer.Ordinal);
        var articles = new Dictionary<string, ArticleDraft>(StringComparer.Ordinal);
        var skipped = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(articlesFolder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (Path.GetExtension(name).ToLowerInvariant() is not (".txt" or ".md" or ".markdown" or ".html" or ".htm"))
            {
                continue;
            }

            var outcome = ArticleParser.ParseBytes(File.ReadAllBytes(path), name, null, readDate);
            if (!outcome.Ok)
            {
                skipped.Add((name, outcome.Error!));
                continue;
            }

            articles[name] = outcome.Article!;
            events[name] = extractor.Extract(outcome.Article!, name, topics, paragraphs: outcome.Paragraphs);
        }

        return new FolderEvaluationResult(Evaluator.Evaluate(events, gold, articles), skipped);
    }
}
