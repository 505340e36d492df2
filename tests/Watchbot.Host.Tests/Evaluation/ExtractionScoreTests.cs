using Xunit.Abstractions;

namespace Watchbot.Host.Tests.Evaluation;

/// <summary>CI keeps the extractor's figures: every set goes through the real ingest into a temporary store, is scored as
/// `watchbot eval` scores it, and must stay on its floor in <see cref="ExtractionTargets"/>.</summary>
public sealed class ExtractionScoreTests(ITestOutputHelper output)
{
    [Fact]
    public Task The_sample_articles_stay_on_their_targets() => Check(ScoredSets.Samples);

    [SharedCorpusTheory]
    [InlineData("seeds")]
    [InlineData("dev")]
    public Task The_shared_corpus_stays_on_its_targets(string set) => Check(ScoredSets.ByName(set));

    private async Task Check(ScoredSet set)
    {
        var result = await ScoredSets.ScoreAsync(set);
        output.WriteLine($"{set.Name} ({set.Articles}, read {set.ReadDate:yyyy-MM-dd}):");
        output.WriteLine(result.Report.Format(verbose: true));

        Assert.Empty(set.Targets.ShortfallsOf(result.Report));
    }
}
