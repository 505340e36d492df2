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
    [InlineData("Azerbaijani drones hit the market in Martuni and two civilians were killed, the Karabakh ombudsman said.", 2, "killed", "civilian", "Artsakh", "exact", "Artsakh")]
    [InlineData("Armenian forces in Nagorno-Karabakh reported that 23 servicemen were killed overnight.", 23, "killed", "military", "Artsakh", "exact", "Artsakh")]
    [InlineData("Some 4,000 residents fled Martuni for Goris, the ombudsman said.", 4000, "displaced", "civilian", "Artsakh", "about", "ombudsman")]
    [InlineData("More than 900 refugees have arrived in Goris from Hadrut, according to media reports.", 900, "displaced", "civilian", "Artsakh", "more_than", "media reports")]
    [InlineData("Karabakh's emergency service said three civilians died in the shelling of Martakert on Friday.", 3, "killed", "civilian", "Artsakh", "exact", "Artsakh")]
    [InlineData("A drone strike on a village killed five people, Artsakh's emergency service said.", 5, "killed", "unknown", "Artsakh", "exact", "Artsakh")]
    [InlineData("The Karabakh army said it had killed 40 soldiers near Fuzuli.", 40, "killed", "military", "Azerbaijan", "exact", "Artsakh")]
    [InlineData("Three Kenyan peacekeepers were killed by mortar fire near Shusha, the Karabakh army said.", 3, "killed", "military", "Artsakh", "exact", "Artsakh")]
    [InlineData("Some 90,000 Armenians remain displaced, the ombudsman said.", 90000, "displaced", "civilian", "Armenia", "about", "ombudsman")]
    [InlineData("A drone strike on a market in Stepanakert killed 25 people on Sunday, a medical group said.", 25, "killed", "unknown", "Artsakh", "exact", "medical group")]
    [InlineData("The war, which began in September 2018, has forced more than 90,000 Armenians from their homes, the UN said.", 90000, "displaced", "civilian", "Armenia", "more_than", "UN")]
    [InlineData("The UN says more than 1,200 civilians have been killed in Azerbaijan since the war began in September 2018.", 1200, "killed", "civilian", "Azerbaijan", "more_than", "UN")]
    [InlineData("Armenian jets bombed Azerbaijani positions after an Azerbaijani rocket hit a petrol station in Goris, killing eight people, officials said.", 8, "killed", "unknown", "Armenia", "exact", "officials")]
    [InlineData("Armenian and Azerbaijani troops fought along the border for a third day as the death toll rose to 33 on both sides.", 33, "killed", "unknown", "both", "exact", "unknown")]
    [InlineData("Armenian and Azerbaijani forces fought near Martakert on Sunday, with each side reporting at least 30 dead.", 30, "killed", "unknown", "both", "at_least", "unknown")]
    [InlineData("Azerbaijan's health ministry said 78 people had been killed in the Armenian strikes on Friday.", 78, "killed", "unknown", "Azerbaijan", "exact", "Azerbaijan")]
    [InlineData("In the past day the adversary lost 2 aircraft, 11 drones and more than 180 personnel, the Karabakh army said.", 180, "killed", "military", "Azerbaijan", "more_than", "Artsakh")]
    [InlineData("More than 380 people have been killed or injured by landmines in Fuzuli since 2020, Azerbaijan's mine agency said.", 380, "casualties", "unknown", "Azerbaijan", "more_than", "Azerbaijan")]
    [InlineData("Two deminers were killed by a blast in the Fuzuli district on Monday, Azerbaijani officials said.", 2, "killed", "unknown", "Azerbaijan", "exact", "Azerbaijan")]
    [InlineData("A doctor at the main hospital said 55 wounded people had been brought in from Stepanakert overnight.", 55, "wounded", "unknown", "Artsakh", "exact", "doctor")]
    [InlineData("At least 12 civilians died when shells hit a market in Tovuz, the district magistrate told reporters.", 12, "killed", "civilian", "Azerbaijan", "at_least", "district magistrate")]
    [InlineData("The separatist authorities said about 200 of their people were killed.", 200, "killed", "unknown", "Artsakh", "about", "Artsakh")]
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

    [Fact]
    public void A_running_total_since_a_date_is_not_a_range_from_that_day_and_says_what_it_counts()
    {
        var claims = TestSupport.Claims("The Karabakh army reported 37 more casualties among its servicemen, bringing the total number of military deaths since September 27 to 633.");

        Assert.Equal([(37, "casualties", false), (633, "killed", true)], claims.Select(c => (c.Count, c.Outcome.Name(), c.Cumulative)).ToArray());
    }

    [Theory]
    [InlineData("Karabakh's defence ministry said 18 of its soldiers had died. It said Azerbaijan had lost more than 200 troops, a figure Baku dismissed.", 200, "Azerbaijan", "Artsakh")]
    [InlineData("Azerbaijan's defence ministry said Armenian forces shelled Tartar overnight. One civilian was killed, the Prosecutor General's Office said.", 1, "Azerbaijan", "Azerbaijan")]
    [InlineData("Azerbaijan said 42 civilians had been killed. Its prosecutor general's office said a missile strike on Ganja killed nine people.", 9, "Azerbaijan", "Azerbaijan")]
    public void A_pronoun_or_its_office_speaks_for_the_source_named_before_not_for_a_side_it_mentions(string text, int count, string side, string claimant)
    {
        var claim = Assert.Single(TestSupport.Claims(text), c => c.Count == count);

        Assert.Equal((side, claimant), (claim.Side, claim.ClaimedBy));
    }

    [Fact]
    public void A_bare_number_after_a_part_named_inside_a_figure_joins_the_whole_figure_not_the_part()
    {
        var claims = TestSupport.Claims("At least nine people were killed in Tovuz, including three police officers, and 17 were wounded, police said.");

        Assert.Equal([(9, "killed", "unknown"), (3, "killed", "military"), (17, "wounded", "unknown")],
            claims.Select(c => (c.Count, c.Outcome.Name(), c.Population.Name())).ToArray());
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

    [Fact]
    public void Another_kind_of_figure_added_to_a_running_total_is_a_running_total_too()
    {
        var claims = TestSupport.Claims("Village elders said 14 residents have been killed and another 90 wounded since the shelling started.");

        Assert.Equal([(14, true), (90, true)], claims.Select(c => (c.Count, c.Cumulative)));
    }

    [Theory]
    [InlineData("At least 5 civilians have been killed since the fighting began.", true)]
    [InlineData("Three soldiers were killed on Monday.", false)]
    [InlineData("The Karabakh army said 21 more of its servicemen had been killed.", false)]
    [InlineData("Another 12 civilians have been killed in Terter, officials said.", false)]
    [InlineData("The army said it had killed 40 soldiers near Fuzuli.", false)]
    public void Cumulative_figures_are_told_from_daily_ones(string sentence, bool cumulative)
    {
        Assert.Equal(cumulative, Assert.Single(TestSupport.Claims(sentence)).Cumulative);
    }

    [Theory]
    [InlineData("Four civilians were killed and 13 were wounded in Barda, officials said.", 13, "wounded")]
    [InlineData("One driver was killed and three were injured near Tovuz, officials said.", 3, "wounded")]
    [InlineData("Azerbaijan said the loss of the enemy consisted of six tanks and more than 90 soldiers.", 90, "casualties")]
    [InlineData("Baku said the strike caused the deaths of 14 Armenian fighters and 3 officers.", 3, "killed")]
    [InlineData("The ministry said it destroyed 40 soldiers of the enemy and 4 tanks near Hadrut.", 40, "killed")]
    public void A_bare_or_listed_figure_takes_its_own_outcome(string sentence, int count, string outcome)
    {
        Assert.Equal(outcome, Assert.Single(TestSupport.Claims(sentence), c => c.Count == count).Outcome.Name());
    }

    [Theory]
    [InlineData("In every village near Martuni, at least one person was killed, a resident said.")]
    [InlineData("Each family in Stepanakert lost one member in the war, a priest said.")]
    public void A_figure_for_each_of_many_is_not_a_count(string sentence)
    {
        Assert.Empty(TestSupport.Claims(sentence));
    }

    [Fact]
    public void A_pronoun_speaks_for_the_last_source_the_article_named()
    {
        var claims = TestSupport.Claims("Azerbaijan's defence ministry reported heavy shelling near Terter on Monday. It added that 7 soldiers were wounded.");
        Assert.Equal("Azerbaijan", Assert.Single(claims).ClaimedBy);
    }

    [Fact]
    public void A_sentence_that_says_where_the_figures_came_from_gives_them_their_source()
    {
        var claims = TestSupport.Claims("The number of dead in Stepanakert reached 31. This was announced in a release of the Karabakh defence army on Friday.");
        Assert.Equal("Artsakh", Assert.Single(claims).ClaimedBy);
    }

    [Fact]
    public void A_figure_nobody_claims_is_the_outlets_own_count()
    {
        var article = TestSupport.Article("Shelling in Hadrut left 5 civilians dead on Monday.") with { Author = "Caucasus Wire (syndicated copy)" };
        var claim = Assert.Single(TestSupport.Extractor.ReadItems(article, TestSupport.Topics), i => i.Claim is not null).Claim!;
        Assert.Equal("Caucasus Wire", claim.ClaimedBy);
    }

    [Fact]
    public void A_restated_figure_takes_the_last_figures_words_and_its_own_source()
    {
        var claims = TestSupport.Claims("More than 60,000 people have fled Stepanakert, the ombudsman said. The Armenian government later put the precise count at 61,203.");
        var restated = Assert.Single(claims, c => c.Count == 61203);
        Assert.Equal("displaced", restated.Outcome.Name());
        Assert.Equal("Artsakh", restated.Side);
        Assert.Equal("Armenia", restated.ClaimedBy);
    }

    [Fact]
    public void A_figure_whose_side_cannot_be_settled_waits_for_review()
    {
        var item = Assert.Single(TestSupport.Items("At least 9 people were killed in the clashes between Armenia and Azerbaijan, witnesses said.", "2020-10-07"), i => i.Claim is not null);
        Assert.Equal("unknown", item.Claim!.Side);
        Assert.True(item.Confidence < Extractor.DefaultReviewBelow);
    }
}
