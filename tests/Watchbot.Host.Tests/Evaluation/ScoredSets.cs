using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Stores;
using Watchbot.Extraction.Evaluation;
using Watchbot.Host.EventJsonl;
using Watchbot.Host.Ingest;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Evaluation;

/// <summary>A folder of articles, its gold annotation, and the day they are read on (fixed, so a run today and a run next
/// year score the same).</summary>
public sealed record ScoredSet(string Name, string Articles, string Gold, DateOnly ReadDate, ExtractionTargets Targets);

/// <summary>The sets the extractor is scored on: the project's samples always, ../shared's corpus when it is there.</summary>
public static class ScoredSets
{
    public static string RepoRoot => RepoPaths.RepoRoot;

    /// <summary>../shared beside the repository (the project's corpus and scorer), absent on machines without it.</summary>
    public static string Shared => RepoPaths.Shared;

    public static string PythonScorer => Path.Combine(Shared, "tools", "score_extraction.py");

    // The samples' TASS dateline has no year: they are read as of the end of 2020.
    public static ScoredSet Samples => new("samples", Path.Combine(RepoRoot, "samples", "articles"), Path.Combine(RepoRoot, "samples", "gold.json"), Day("2020-12-31"), ExtractionTargets.Samples);

    public static ScoredSet Seeds => new("seeds", Path.Combine(Shared, "corpus", "articles"), Path.Combine(Shared, "corpus", "seeds-gold.json"), Day("2026-01-01"), ExtractionTargets.Seeds);

    public static ScoredSet Dev => new("dev", Path.Combine(Shared, "corpus", "dev", "articles"), Path.Combine(Shared, "corpus", "dev", "gold.json"), Day("2026-01-01"), ExtractionTargets.Dev);

    public static ScoredSet ByName(string name) => name switch
    {
        "samples" => Samples,
        "seeds" => Seeds,
        "dev" => Dev,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such set"),
    };

    /// <summary>The set through the real ingest into a temporary store (what `watchbot eval` does), scored; with
    /// <paramref name="exportTo"/>, what the store holds is also written there as `watchbot events export` writes it.</summary>
    public static async Task<StoredEvaluationResult> ScoreAsync(ScoredSet set, string? exportTo = null)
    {
        var gold = GoldFile.Parse(await File.ReadAllTextAsync(set.Gold));
        StoredEvaluationResult? result = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var exit = await StoredEvaluation.InTemporaryStoreAsync(async (host, token) =>
        {
            result = await StoredEvaluation.RunAsync(host.Services, [set.Articles], gold, set.ReadDate, EventFilter.ByArticleTopic, token);
            if (exportTo is not null)
            {
                await using var writer = new StreamWriter(exportTo);
                await EventExport.WriteJsonlAsync(host.Services.GetRequiredService<IEventStore>(), writer, token);
            }

            return 0;
        }, timeout.Token);
        Assert.Equal(0, exit);
        Assert.NotNull(result);
        Assert.Empty(result.Ingest.Articles.Where(a => a.Outcome == ArticleOutcome.Skipped).Select(a => $"{a.Origin}: {a.Reason}"));
        return result;
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

/// <summary>A test that needs ../shared/corpus; skipped where it is absent.</summary>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        if (!Directory.Exists(Path.Combine(ScoredSets.Shared, "corpus")))
        {
            Skip = "../shared/corpus is not present";
        }
    }
}

/// <summary>A test that needs ../shared/tools/score_extraction.py and a python3 on the PATH; skipped where either is absent.</summary>
public sealed class PythonScorerTheoryAttribute : TheoryAttribute
{
    public PythonScorerTheoryAttribute()
    {
        if (!File.Exists(ScoredSets.PythonScorer))
        {
            Skip = "../shared/tools/score_extraction.py is not present";
        }
        else if (PythonScorer.Python is null)
        {
            Skip = "python3 is not on the PATH";
        }
    }
}
