using Watchbot.Extraction.Config;

namespace Watchbot.Extraction.Tests;

public class DemonymsTests
{
    [Theory]
    [InlineData("Sudan", "Sudanese")]
    [InlineData("Ethiopia", "Ethiopian")]
    [InlineData("Somalia", "Somali")]
    [InlineData("Israel", "Israeli")]
    [InlineData("Yemen", "Yemeni")]
    [InlineData("Iraq", "Iraqi")]
    [InlineData("Pakistan", "Pakistani")]
    [InlineData("Iran", "Iranian")]
    [InlineData("Lebanon", "Lebanese")]
    [InlineData("Congo", "Congolese")]
    [InlineData("Ukraine", "Ukrainian")]
    [InlineData("Mali", "Malian")]
    [InlineData("Haiti", "Haitian")]
    [InlineData("Rwanda", "Rwandans")]
    public void A_country_name_gives_the_adjective_english_makes_of_it(string name, string demonym)
    {
        Assert.Contains(demonym, Demonyms.Of(name));
    }

    [Theory]
    [InlineData("Niger")]
    [InlineData("RSF")]
    [InlineData("Burkina Faso")]
    [InlineData("Hamas")]
    public void Names_without_a_safe_rule_give_nothing_so_niger_never_takes_nigerian(string name)
    {
        Assert.Empty(Demonyms.Of(name));
    }

    [Fact]
    public void A_topic_with_bare_side_names_still_finds_the_sudanese_army_and_its_enemy_s_dead()
    {
        var (topic, problem) = Core.Commands.Admin.TopicAction.Apply(new Core.Topics.Topic("sudan", "War in Sudan", [], [], []),
            ["sides=Sudan,RSF", "armed=RSF", "places=El Obeid@Sudan"]);
        Assert.True(topic is not null, problem);
        var article = new Core.Stores.ArticleDraft("s.txt", null, "Fighting in Sudan", null, TestSupport.Day("2025-01-06"), true,
            "The Sudanese army said its forces had repelled an RSF attack on El Obeid on Sunday and killed more than 100 fighters.", "h");

        var claim = Assert.Single(TestSupport.Extractor.Extract(article, "s.txt", [.. TestSupport.Topics, topic!]).SelectMany(e => e.Casualties));

        Assert.Equal(("RSF", "Sudan"), (claim.Side, claim.ClaimedBy));
    }
}
