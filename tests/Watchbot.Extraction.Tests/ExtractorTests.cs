using Watchbot.Core.Events;

namespace Watchbot.Extraction.Tests;

public class ExtractorTests
{
    [Theory]
    [InlineData("Azerbaijani rockets hit Stepanakert on Monday, Karabakh officials said.", new[] { "karabakh" })]
    [InlineData("Shelling hit villages in Tavush on Monday as clashes on the state border with Azerbaijan went on.", new[] { "karabakh", "armenia-azerbaijan-border" })]
    [InlineData("Armenian forces shelled Khankendi on Monday, Baku said.", new[] { "karabakh" })]
    public void Events_are_tagged_with_the_topics_whose_places_they_name(string sentence, string[] topics)
    {
        var events = TestSupport.Extractor.Extract(TestSupport.Article(sentence), "t.txt", TestSupport.Topics);
        var e = Assert.Single(events);
        Assert.Equal(topics, e.Topics.ToArray());
    }

    [Fact]
    public void Every_event_keeps_its_sentence_file_and_title()
    {
        var e = Assert.Single(TestSupport.Extractor.Extract(TestSupport.Article("Azerbaijani drones struck Martuni on Monday."), "m.txt", TestSupport.Topics));
        var source = Assert.Single(e.Sources);
        Assert.Equal("m.txt", source.File);
        Assert.Equal("Test article", source.Title);
        Assert.Equal("Azerbaijani drones struck Martuni on Monday.", source.Sentence);
        Assert.Equal(TestSupport.Day("2020-10-05"), e.Date);
        Assert.InRange(e.Severity, 1, 5);
    }

    [Fact]
    public void An_article_without_a_date_gives_pending_events()
    {
        var article = TestSupport.Article("Azerbaijani drones struck Martuni, officials said. Four civilians were killed in the town.", dateFound: false);
        var events = TestSupport.Extractor.Extract(article, "m.txt", TestSupport.Topics);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(EventStatus.Pending, e.Status));
    }

    [Fact]
    public void The_extractor_can_be_shared_between_threads()
    {
        var article = TestSupport.Article("Azerbaijani drones struck Martuni on Monday. Four civilians were killed in the town, officials said.");
        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => TestSupport.Extractor.Extract(article, "m.txt", TestSupport.Topics).Count).ToList();
        Assert.All(results, count => Assert.Equal(results[0], count));
    }

    [Fact]
    public void Two_sentences_about_one_strike_become_one_event()
    {
        var body = "Rockets hit Ganja on Sunday, Azerbaijan said. A second barrage hit Ganja hours later.";
        var events = TestSupport.Extractor.Extract(TestSupport.Article(body), "g.txt", TestSupport.Topics);
        Assert.Equal(2, Assert.Single(events, e => e.Kind == EventKind.Escalation).Sources.Count);
    }

    [Fact]
    public void Today_inside_a_quote_is_the_speakers_day_not_the_articles()
    {
        var body = "Azerbaijan's president wrote: \"Today our army liberated the village of Talish.\"";
        var e = Assert.Single(TestSupport.Extractor.Extract(TestSupport.Article(body, "2020-10-04"), "t.txt", TestSupport.Topics));
        Assert.Equal(TestSupport.Day("2020-10-03"), e.Date);
    }
}
