using Watchbot.Core.Events;
using Watchbot.Core.Topics;
using Watchbot.Extraction.Curation;

namespace Watchbot.Extraction.Tests;

public class TopicTaggerTests
{
    private static readonly IReadOnlyList<Topic> Topics =
    [
        new("caucasus", "South Caucasus", [new TopicPlace("Ganja", ["Gəncə"]), new TopicPlace("St. Petersburg", []), new TopicPlace("(Tavush)", [])], ["Armenia"], ["Karabakh"]),
        new("sahel", "Sahel", [new TopicPlace("Gao", []), new TopicPlace("U.S.", [])], [], []),
    ];

    [Theory]
    [InlineData("Rockets hit Ganja overnight.", "caucasus")]
    [InlineData("Rockets hit GANJA overnight.", "caucasus")]
    [InlineData("Rockets hit Gəncə overnight.", "caucasus")]
    [InlineData("Ganjavi poets were read.", "")]
    [InlineData("Fighting near Gao, officials said.", "sahel")]
    [InlineData("Gaoxiong is elsewhere.", "")]
    [InlineData("the U.S. embassy closed", "sahel")]
    [InlineData("the U.S.A embassy closed", "")]
    [InlineData("A court in St. Petersburg ruled.", "caucasus")]
    [InlineData("Border posts in (Tavush) were hit.", "caucasus")]
    [InlineData("x(Tavush)y", "")]
    [InlineData("Karabakh and Gao both.", "caucasus|sahel")]
    [InlineData("Nagorno-Karabakh talks", "caucasus")]
    [InlineData("Karabakhi refugees", "")]
    public void A_topic_is_found_only_where_one_of_its_names_stands_alone(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', TopicTagger.TopicsFor(text, [], Topics)));

    [Theory]
    [InlineData("Talks resumed.", "Shells hit Ganja.", "", "", "caucasus")]
    [InlineData("Talks resumed.", null, "Gao", "", "sahel")]
    [InlineData("Talks resumed in St.", "Petersburg later.", "", "", "")]
    [InlineData("Talks resumed.", "Nothing else.", "", "Armenia", "caucasus")]
    [InlineData("Talks resumed.", "Nothing else.", "Bamako", "", "")]
    public void An_event_takes_the_topics_any_of_its_sentences_places_or_actors_name(string first, string? second, string place, string actor, string expected)
    {
        var e = new EventDraft
        {
            Kind = EventKind.Escalation,
            Date = TestSupport.Day("2020-10-05"),
            Summary = "s",
            Places = place.Length > 0 ? [place] : [],
            Actors = actor.Length > 0 ? [actor] : [],
            Sources = [new EventSource("a.txt", null, "t", null, first), new EventSource("b.txt", null, "t", null, second)],
        };

        Assert.Equal(expected, string.Join('|', TopicTagger.TopicsFor(e, Topics)));
    }

    [Fact]
    public void A_topic_is_found_through_its_actors_without_a_name_in_the_text() =>
        Assert.Equal(["caucasus"], TopicTagger.TopicsFor("Talks resumed.", ["armenia"], Topics));
}
