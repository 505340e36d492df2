using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Extraction.Parsing;

namespace Watchbot.Extraction.Tests;

/// <summary>Sample articles read straight through the extractor. Scoring them (and the corpus) goes through the ingest path:
/// tests/Watchbot.Host.Tests/Evaluation.</summary>
public class ScoreTests
{
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
