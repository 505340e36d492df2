using System.Globalization;
using Watchbot.Extraction.Evaluation;
using Watchbot.Host.Ingest;
using Xunit.Abstractions;

namespace Watchbot.Host.Tests.Evaluation;

/// <summary>CI keeps the extractor's figures: every set goes through the real ingest into a temporary store, is scored as
/// `watchbot eval` scores it, and must stay on its floor in <see cref="ExtractionTargets"/>.</summary>
public sealed class ExtractionScoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_sample_articles_stay_on_their_targets_and_keep_their_publication_dates()
    {
        var result = await Check(ScoredSets.Samples);

        // Not part of the script's score, and checked here so it is not lost: every dated sample is dated right. The one
        // whose only date is a dateline without a year is read in the year of reading, and does not count as dated.
        var gold = GoldFile.Parse(await File.ReadAllTextAsync(ScoredSets.Samples.Gold));
        var read = result.Ingest.Articles.ToDictionary(a => a.Origin, a => a.Article);
        var yearless = gold.Articles.Where(a => a.Note?.Contains("without a year", StringComparison.Ordinal) == true).Select(a => a.File).ToHashSet();
        var wrong = gold.Articles.Where(a => a.Published is not null)
            .Where(a => read.GetValueOrDefault(a.File) is not { } article || article.DateFound == yearless.Contains(a.File)
                        || article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) != a.Published)
            .Select(a => $"{a.File}: gold {a.Published}, read {read.GetValueOrDefault(a.File)?.Published} (dated: {read.GetValueOrDefault(a.File)?.DateFound})");
        Assert.Empty(wrong);
        Assert.NotEmpty(yearless);
    }

    [SharedCorpusTheory]
    [InlineData("seeds")]
    [InlineData("dev")]
    public Task The_shared_corpus_stays_on_its_targets(string set) => Check(ScoredSets.ByName(set));

    private async Task<StoredEvaluationResult> Check(ScoredSet set)
    {
        var result = await ScoredSets.ScoreAsync(set);
        output.WriteLine($"{set.Name} ({set.Articles}, read {set.ReadDate:yyyy-MM-dd}):");
        output.WriteLine(result.Report.Format(verbose: true));

        Assert.Empty(set.Targets.ShortfallsOf(result.Report));
        return result;
    }
}
