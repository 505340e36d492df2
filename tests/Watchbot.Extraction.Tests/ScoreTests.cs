using Watchbot.Core.Events;
using Watchbot.Core.Storage;
using Watchbot.Extraction.Evaluation;
using Watchbot.Extraction.Parsing;
using Xunit.Abstractions;

namespace Watchbot.Extraction.Tests;

/// <summary>Scores the extractor on the real corpus (when present) and on the project's own samples.</summary>
public class ScoreTests(ITestOutputHelper output)
{
    public static EvaluationReport Score(string articles, string goldPath, DateOnly readOn)
    {
        var result = FolderEvaluation.Run(TestSupport.Extractor, articles, goldPath, TestSupport.Topics, readOn);
        Assert.Empty(result.Skipped);
        return result.Report;
    }

    [CorpusFact]
    public void The_real_corpus_meets_the_targets()
    {
        var report = Score(Path.Combine(TestSupport.CorpusDirectory, "articles"), Path.Combine(TestSupport.CorpusDirectory, "seeds-gold.json"), DateOnly.FromDateTime(DateTime.UtcNow));
        output.WriteLine(report.Format());
        Assert.True(report.Casualties.Recall >= 0.90, "casualty recall " + report.Casualties.Recall);
        Assert.True(report.Casualties.Precision >= 0.90, "casualty precision " + report.Casualties.Precision);
        Assert.True(report.Escalations.Recall >= 0.85, "escalation recall " + report.Escalations.Recall);
        Assert.True(report.Escalations.Precision >= 0.80, "escalation precision " + report.Escalations.Precision);
        Assert.True(report.Ceasefires.Recall >= 0.85, "ceasefire recall " + report.Ceasefires.Recall);
        Assert.True(report.Ceasefires.Precision >= 0.80, "ceasefire precision " + report.Ceasefires.Precision);
        Assert.True(report.DateAccuracy >= 0.90, "exact-day date accuracy " + report.DateAccuracy);
        Assert.Equal(0, report.NegativesExtracted);
    }

    [Fact]
    public void The_sample_articles_meet_the_same_targets()
    {
        // The samples' TASS dateline has no year: read them as of the end of 2020.
        var root = Path.Combine(TestSupport.RepoRoot, "samples");
        var report = Score(Path.Combine(root, "articles"), Path.Combine(root, "gold.json"), TestSupport.Day("2020-12-31"));
        output.WriteLine(report.Format());
        Assert.True(report.Casualties.Recall >= 0.90, "casualty recall " + report.Casualties.Recall);
        Assert.True(report.Casualties.Precision >= 0.90, "casualty precision " + report.Casualties.Precision);
        Assert.True(report.Escalations.Recall >= 0.85, "escalation recall " + report.Escalations.Recall);
        Assert.True(report.Escalations.Precision >= 0.80, "escalation precision " + report.Escalations.Precision);
        Assert.True(report.Ceasefires.Recall >= 0.85, "ceasefire recall " + report.Ceasefires.Recall);
        Assert.True(report.Ceasefires.Precision >= 0.80, "ceasefire precision " + report.Ceasefires.Precision);
        Assert.True(report.Displacement.Recall >= 0.85, "displacement recall " + report.Displacement.Recall);
        Assert.True(report.DateAccuracy >= 0.90, "exact-day date accuracy " + report.DateAccuracy);
        Assert.Equal(report.PublishedChecked, report.PublishedCorrect);
        Assert.Equal(0, report.NegativesExtracted);
    }

    [Fact]
    public void The_unrelated_sample_yields_no_events_and_the_border_sample_is_tagged_with_both_topics()
    {
        var root = Path.Combine(TestSupport.RepoRoot, "samples", "articles");
        IReadOnlyList<EventDraft> Read(string name)
        {
            var outcome = ArticleParser.ParseBytes(File.ReadAllBytes(Path.Combine(root, name)), name, null, TestSupport.Day("2020-12-31"));
            return TestSupport.Extractor.Extract(outcome.Article!, name, TestSupport.Topics);
        }

        Assert.Empty(Read("08-unrelated-economy.txt"));
        Assert.Contains(Read("07-tovuz-border.txt"), e => e.Topics.Contains("armenia-azerbaijan-border") && e.Topics.Contains("karabakh"));
    }
}
