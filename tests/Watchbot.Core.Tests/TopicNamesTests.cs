using Watchbot.Core.Topics;

namespace Watchbot.Core.Tests;

public sealed class TopicNamesTests
{
    [Theory]
    [InlineData("karabak", "karabakh")]
    [InlineData("KARABAHK", "karabakh")]
    [InlineData("sahl", "sahel")]
    [InlineData("ukraine", null)]
    [InlineData("", null)]
    public void The_closest_topic_is_offered_only_when_it_is_a_likely_typo(string typed, string? expected)
    {
        Assert.Equal(expected, TopicNames.Closest(typed, ["karabakh", "sahel"]));
    }

    [Theory]
    [InlineData("karabakh", true)]
    [InlineData("south-caucasus-2", true)]
    [InlineData("Karabakh", false)]
    [InlineData("kara bakh", false)]
    [InlineData("<script>", false)]
    [InlineData("", false)]
    public void Topic_names_are_short_lower_case_words(string name, bool valid)
    {
        Assert.Equal(valid, TopicNames.IsValid(name));
    }
}
