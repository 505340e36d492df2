using Watchbot.Core.Commands.Admin;
using Watchbot.Core.Events;
using Watchbot.Core.Topics;

namespace Watchbot.Extraction.Tests;

/// <summary>The prisoners kind: releases, exchanges and handovers reported as done, and only those. Sentences are written
/// for these tests; their facts are invented.</summary>
public class PrisonerRuleTests
{
    [Theory]
    [InlineData("Azerbaijan freed 15 Armenian prisoners of war on Tuesday, the foreign ministry in Baku said.", "Azerbaijan")]
    [InlineData("Armenia and Azerbaijan exchanged detainees at the border on Thursday.", "Armenia")]
    [InlineData("YEREVAN, May 14 - Armenia and Azerbaijan exchanged detainees at the border.", "Armenia")]
    [InlineData("Two Azerbaijani soldiers held in Armenia were handed over to Baku at the Lachin checkpoint.", null)]
    [InlineData("Armenian officials said 20 captives returned home from Baku on Friday.", "Armenia")]
    [InlineData("A prisoner swap between Yerevan and Baku took place on Wednesday, mediators said.", null)]
    [InlineData("Yerevan said 17 servicemen had returned home from Azerbaijani captivity since Friday.", "Armenia")]
    public void A_release_reported_as_done_is_a_prisoners_event(string sentence, string? firstActor)
    {
        var item = Assert.Single(TestSupport.Items(sentence, EventKind.Prisoners, "2020-12-18"));
        if (firstActor is not null)
        {
            Assert.Equal(firstActor, item.Actors[0]);
        }

        Assert.InRange(item.Confidence, 0.5, 1);
    }

    [Theory]
    [InlineData("Rights groups called for the release of all Armenian detainees held in Baku.")]
    [InlineData("Armenia demanded that Azerbaijan free the remaining prisoners of war.")]
    [InlineData("Baku said it would release 10 Armenian captives next week.")]
    [InlineData("Azerbaijan has not yet released the soldiers captured near Hadrut.")]
    [InlineData("The truce is meant to let Armenia and Azerbaijan exchange prisoners and the bodies of the dead.")]
    [InlineData("Armenia refused to hand over the Azerbaijani detainees.")]
    [InlineData("The release of the prisoners is expected after the lists are checked in Baku.")]
    [InlineData("Azerbaijan released new figures on its losses, but said nothing of prisoners.")]
    public void Calls_plans_refusals_and_other_releases_are_not_prisoners_events(string sentence)
    {
        Assert.Empty(TestSupport.Items(sentence, EventKind.Prisoners, "2020-12-18"));
    }

    [Fact]
    public void A_release_in_another_war_is_not_read_into_the_topic()
    {
        Assert.Empty(TestSupport.Items("Colombia's rebels freed six hostages in the jungle on Sunday.", EventKind.Prisoners, "2020-12-18"));
    }

    [Fact]
    public void Two_reports_of_one_exchange_are_one_event_and_a_release_is_not_a_casualty_or_an_attack()
    {
        var article = TestSupport.Article(
            "Armenia and Azerbaijan exchanged prisoners of war on Monday.\n\nA plane carried 30 Armenian captives from Baku to Yerevan, and Armenia handed over 8 Azerbaijani soldiers, officials said.",
            "2020-12-15");
        var events = TestSupport.Extractor.Extract(article, "swap.txt", TestSupport.Topics);
        var release = Assert.Single(events);
        Assert.Equal(EventKind.Prisoners, release.Kind);
        Assert.Equal(TestSupport.Day("2020-12-14"), release.Date);
        Assert.Equal(2, release.Sources.Count);
    }

    [Fact]
    public void A_release_in_a_conflict_known_only_from_an_admin_topic_is_found()
    {
        var (topic, problem) = TopicAction.Apply(new Topic("sudan", "Army against the RSF", [], [], []),
            ["sides=Sudan/Sudanese army/SAF,RSF/Rapid Support Forces", "armed=RSF", "places=El Fasher@Sudan", "keywords=RSF"]);
        Assert.True(topic is not null, problem);
        var article = new Core.Stores.ArticleDraft("rsf.txt", null, "RSF frees detainees in El Fasher", null, TestSupport.Day("2024-06-09"), true,
            "The Rapid Support Forces released 40 detained civilians in El Fasher on Saturday, aid workers said.", "h");
        var release = Assert.Single(TestSupport.Extractor.Extract(article, "rsf.txt", [.. TestSupport.Topics, topic!]));
        Assert.Equal(EventKind.Prisoners, release.Kind);
        Assert.Equal("RSF", release.Actors[0]);
        Assert.Contains("sudan", release.Topics);
        Assert.Equal(TestSupport.Day("2024-06-08"), release.Date);
    }
}
