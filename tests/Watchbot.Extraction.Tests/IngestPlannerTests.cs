using Watchbot.Core.Events;
using Watchbot.Extraction.Curation;

namespace Watchbot.Extraction.Tests;

public class IngestPlannerTests
{
    private static readonly CasualtyClaim Twelve = new("Azerbaijan", Population.Civilian, CasualtyOutcome.Killed, 12, null, CountQualifier.Exact, false, "Azerbaijan");

    private static EventDraft Draft(string date, string file, CasualtyClaim? claim = null, string[]? places = null, double confidence = 0.7, EventStatus status = EventStatus.Published) => new()
    {
        Kind = claim is null ? EventKind.Escalation : EventKind.Casualties,
        Date = TestSupport.Day(date),
        Summary = "from " + file,
        Places = places ?? [],
        Casualties = claim is null ? [] : [claim],
        Confidence = confidence,
        Status = status,
        Sources = [new EventSource(file, null, "t", TestSupport.Day(date), "sentence in " + file)],
    };

    private static WatchEvent Stored(long id, EventDraft d) => new()
    {
        Id = id,
        Seq = id * 10,
        Kind = d.Kind,
        Status = d.Status,
        Date = d.Date,
        Summary = d.Summary,
        Places = d.Places,
        Casualties = d.Casualties,
        Confidence = d.Confidence,
        Sources = d.Sources,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void An_event_about_nothing_stored_is_new()
    {
        var plan = IngestPlanner.Plan([Draft("2020-10-05", "b.txt", Twelve)], [Stored(1, Draft("2020-10-05", "a.txt", places: ["Ganja"]))]);

        Assert.Single(plan.NewEvents);
        Assert.Empty(plan.Merges);
    }

    [Fact]
    public void The_same_figure_reported_again_adds_a_source_without_a_new_seq()
    {
        var plan = IngestPlanner.Plan([Draft("2020-10-05", "b.txt", Twelve)], [Stored(1, Draft("2020-10-05", "a.txt", Twelve))]);

        var merge = Assert.Single(plan.Merges);
        Assert.Empty(plan.NewEvents);
        Assert.Equal((1L, 10L), (merge.EventId, merge.ExpectedSeq));
        Assert.Equal(["a.txt", "b.txt"], merge.Merged.Sources.Select(s => s.File));
        Assert.Equal("from a.txt", merge.Merged.Summary);
        Assert.True(merge.Merged.Confidence > 0.7);
        Assert.False(merge.Resequence);
    }

    [Fact]
    public void A_second_report_naming_another_place_is_a_change_subscribers_see()
    {
        var plan = IngestPlanner.Plan([Draft("2020-10-05", "b.txt", places: ["Ganja", "Mingachevir"])], [Stored(1, Draft("2020-10-05", "a.txt", places: ["Ganja"]))]);

        var merge = Assert.Single(plan.Merges);
        Assert.True(merge.Resequence);
        Assert.Equal(["Ganja", "Mingachevir"], merge.Merged.Places);
    }

    [Fact]
    public void A_pending_event_confirmed_by_a_confident_report_is_published_with_a_new_seq()
    {
        var plan = IngestPlanner.Plan([Draft("2020-10-05", "b.txt", Twelve, confidence: 0.8)], [Stored(1, Draft("2020-10-05", "a.txt", Twelve, confidence: 0.3, status: EventStatus.Pending))]);

        var merge = Assert.Single(plan.Merges);
        Assert.Equal(EventStatus.Published, merge.Merged.Status);
        Assert.True(merge.Resequence);
    }

    [Fact]
    public void A_rejected_event_stays_rejected_however_often_it_is_reported()
    {
        var plan = IngestPlanner.Plan([Draft("2020-10-05", "b.txt", Twelve)], [Stored(1, Draft("2020-10-05", "a.txt", Twelve, status: EventStatus.Rejected))]);

        Assert.Equal(EventStatus.Rejected, Assert.Single(plan.Merges).Merged.Status);
        Assert.Empty(plan.NewEvents);
    }

    [Fact]
    public void A_merged_event_stays_merged_when_a_new_article_reports_it()
    {
        var plan = IngestPlanner.Plan([Draft("2020-10-05", "b.txt", Twelve)], [Stored(1, Draft("2020-10-05", "a.txt", Twelve, status: EventStatus.Merged))]);

        Assert.Equal(EventStatus.Merged, Assert.Single(plan.Merges).Merged.Status);
        Assert.Empty(plan.NewEvents);
    }

    [Fact]
    public void Two_items_of_one_article_about_one_stored_event_make_one_merge()
    {
        var plan = IngestPlanner.Plan(
            [Draft("2020-10-05", "b.txt", places: ["Ganja"]), Draft("2020-10-06", "b.txt", places: ["Ganja"]) with { Sources = [new EventSource("b.txt", null, "t", null, "another sentence")] }],
            [Stored(1, Draft("2020-10-05", "a.txt", places: ["Ganja"]))]);

        var merge = Assert.Single(plan.Merges);
        Assert.Equal(3, merge.Merged.Sources.Count);
    }

    [Theory]
    [InlineData("2020-10-05", "2020-10-07", "2020-10-04", "2020-10-08")]
    [InlineData("2020-10-05", "2020-10-05", "2020-10-04", "2020-10-06")]
    public void Candidates_are_the_stored_events_within_a_day_of_the_articles_events(string first, string last, string from, string to)
    {
        var window = IngestPlanner.CandidateWindow([Draft(last, "a.txt"), Draft(first, "a.txt")]);

        Assert.Equal((TestSupport.Day(from), TestSupport.Day(to)), window);
        Assert.Null(IngestPlanner.CandidateWindow([]));
    }
}

public class TopicTaggingTests
{
    [Fact]
    public void An_event_whose_sentence_names_no_topic_takes_the_topic_of_the_articles_opening()
    {
        var article = TestSupport.Article("Fighting around Stepanakert went on through the night.\n\nOne civilian was killed and three were wounded on Tuesday, the ombudsman said.");
        var events = TestSupport.Extractor.Extract(article, "a.txt", TestSupport.Topics);

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains("karabakh", e.Topics));
    }

    [Fact]
    public void An_event_that_names_its_own_topic_keeps_it()
    {
        var draft = new EventDraft
        {
            Kind = EventKind.Escalation,
            Date = TestSupport.Day("2020-10-05"),
            Summary = "s",
            Sources = [new EventSource("a.txt", null, "t", null, "Shelling hit Stepanakert.")],
        };
        var none = draft with { Sources = [new EventSource("a.txt", null, "t", null, "Three people were killed.")] };

        var tagged = TopicTagger.Tag([draft, none], "A report with no place in it", TestSupport.Topics);

        Assert.Equal(["karabakh"], tagged[0].Topics);
        Assert.Equal(["karabakh"], tagged[1].Topics);
    }
}
