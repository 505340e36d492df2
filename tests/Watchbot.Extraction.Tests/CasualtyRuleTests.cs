using Watchbot.Core.Events;

namespace Watchbot.Extraction.Tests;

public class CasualtyRuleTests
{
    [Theory]
    [InlineData("Azerbaijan's health ministry said 11 civilians were killed in the town on Tuesday.", 11, "killed", "civilian", "Azerbaijan", "exact", "Azerbaijan")]
    [InlineData("The Armenian defence ministry said at least nine of its soldiers died overnight.", 9, "killed", "military", "Armenia", "at_least", "Armenia")]
    [InlineData("Karabakh officials reported that 34 servicemen were killed on Monday.", 34, "killed", "military", "Artsakh", "exact", "Artsakh")]
    [InlineData("Nearly 60 Azerbaijani soldiers have been wounded, a military source said.", 60, "wounded", "military", "Azerbaijan", "about", "military source")]
    [InlineData("Armenian officials said they lost 17 troops in the fighting.", 17, "killed", "military", "Armenia", "exact", "Armenia")]
    [InlineData("The shelling left 8 people dead in Stepanakert, local authorities said.", 8, "killed", "unknown", "Artsakh", "exact", "unknown")]
    [InlineData("Baku said 120 Armenian fighters were captured near the river.", 120, "captured", "military", "Armenia", "exact", "Azerbaijan")]
    [InlineData("Four villagers are missing after the attack on the Tovuz district.", 4, "missing", "civilian", "Azerbaijan", "exact", "unknown")]
    [InlineData("Officials counted 19 civilian deaths in Azerbaijan since Sunday.", 19, "killed", "civilian", "Azerbaijan", "exact", "officials")]
    [InlineData("Azerbaijan claims its forces inflicted 1,500 casualties on the enemy.", 1500, "casualties", "military", "Armenia", "exact", "Azerbaijan")]
    [InlineData("Dozens of soldiers were killed yesterday in Terter.", 24, "killed", "military", "Azerbaijan", "at_least", "unknown")]
    [InlineData("The Azerbaijani side has suffered 85 wounded so far.", 85, "wounded", "unknown", "Azerbaijan", "exact", "unknown")]
    [InlineData("The death toll among Karabakh troops has risen to 1,166, the separatist government said.", 1166, "killed", "military", "Artsakh", "exact", "Artsakh")]
    [InlineData("An Armenian rocket strike on the Azerbaijani city of Barda killed at least 21 people, officials said.", 21, "killed", "unknown", "Azerbaijan", "at_least", "officials")]
    public void Casualty_claims_are_read_with_count_outcome_population_side_and_claimant(
        string sentence, int count, string outcome, string population, string side, string qualifier, string claimedBy)
    {
        var claim = Assert.Single(TestSupport.Claims(sentence));
        Assert.Equal(count, claim.Count);
        Assert.Equal(outcome, claim.Outcome.Name());
        Assert.Equal(population, claim.Population.Name());
        Assert.Equal(side, claim.Side);
        Assert.Equal(qualifier, claim.Qualifier.Name());
        Assert.Equal(claimedBy, claim.ClaimedBy);
    }

    [Theory]
    [InlineData("Officials said 12 civilians died in Ganja and 5 in Barda on Sunday.", new[] { 12, 5 })]
    [InlineData("The ministry said 6 soldiers were killed, bringing the total number of military deaths to 210.", new[] { 6, 210 })]
    [InlineData("At least 10 soldiers and two civilians from Armenia are dead, as are three soldiers from Azerbaijan.", new[] { 10, 2, 3 })]
    public void Several_figures_in_one_sentence_are_all_read(string sentence, int[] counts)
    {
        Assert.Equal(counts, TestSupport.Claims(sentence).Select(c => c.Count).ToArray());
    }

    [Theory]
    [InlineData("Shelling hit Stepanakert on Sunday, killing three civilians and wounding 11, officials said.", "killed", "wounded")]
    [InlineData("Baku says 91 Azerbaijani civilians have been killed and more than 400 wounded.", "killed", "wounded")]
    public void Each_figure_gets_the_outcome_next_to_it(string sentence, string first, string second)
    {
        var claims = TestSupport.Claims(sentence);
        Assert.Equal([first, second], claims.Select(c => c.Outcome.Name()).ToArray());
        Assert.Equal(claims[0].Side, claims[1].Side);
    }

    [Fact]
    public void A_running_total_is_cumulative_and_inherits_the_outcome()
    {
        var claims = TestSupport.Claims("The ministry said 6 soldiers were killed, bringing the total number of military deaths to 210.");
        Assert.True(claims[1].Cumulative);
        Assert.Equal(CasualtyOutcome.Killed, claims[1].Outcome);
        Assert.Equal(Population.Military, claims[1].Population);
    }

    [Theory]
    [InlineData("Azerbaijan's defence ministry said it had killed 300 Armenian soldiers.", true)]
    [InlineData("Azerbaijan's defence ministry said 30 Azerbaijani soldiers were killed.", false)]
    public void A_claim_about_the_adversary_is_marked(string sentence, bool aboutAdversary)
    {
        Assert.Equal(aboutAdversary, Assert.Single(TestSupport.Claims(sentence)).ClaimedAboutAdversary);
    }

    [Fact]
    public void A_denied_claim_keeps_its_figure_with_lower_confidence()
    {
        var item = Assert.Single(TestSupport.Items("Baku claimed that 70 Armenian soldiers were killed, but Yerevan denied it."));
        Assert.True(item.Disputed);
        Assert.True(item.Confidence < 0.7);
    }

    [Theory]
    [InlineData("At least 5 civilians have been killed since the fighting began.", true)]
    [InlineData("Three soldiers were killed on Monday.", false)]
    public void Cumulative_figures_are_told_from_daily_ones(string sentence, bool cumulative)
    {
        Assert.Equal(cumulative, Assert.Single(TestSupport.Claims(sentence)).Cumulative);
    }
}
