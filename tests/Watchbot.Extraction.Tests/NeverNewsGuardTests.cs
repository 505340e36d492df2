namespace Watchbot.Extraction.Tests;

public class NeverNewsGuardTests
{
    [Theory]
    [InlineData("The war of 1991-1994 killed about 25,000 people and displaced many more.", "history (years)")]
    [InlineData("In the early 1990s, more than 700,000 people fled the region.", "history (decade)")]
    [InlineData("During that war, some 18,000 soldiers died.", "history (that war)")]
    [InlineData("More than a million people were killed in the genocide.", "history (genocide)")]
    [InlineData("In 2016, four days of clashes killed about 150 soldiers.", "earlier clashes")]
    [InlineData("The country has recorded 2,400 coronavirus deaths.", "COVID-19")]
    [InlineData("Health officials said 45 people died of COVID-19 on Monday.", "COVID-19")]
    [InlineData("The army said it destroyed 40 tanks and 12 drones.", "equipment")]
    [InlineData("Its forces shot down 9 helicopters, the ministry said.", "equipment")]
    [InlineData("Washington gave $80 million in aid to the army.", "money")]
    [InlineData("Fighters were paid 2,000 dollars a month.", "money")]
    [InlineData("About 3 million Armenians live in Russia.", "diaspora")]
    [InlineData("The town has a population of 60,000 people.", "population")]
    [InlineData("Russia keeps about 4,000 soldiers stationed at its base.", "deployment")]
    [InlineData("The drills involved 80,000 troops and 300 aircraft.", "exercise")]
    [InlineData("They fired 122mm rockets at the town.", "calibre")]
    [InlineData("A 70-year-old woman said she was leaving.", "age")]
    [InlineData("Some 150 lawmakers signed a letter on Monday.", "other people")]
    [InlineData("Half of the residents, 60 percent of them women, have left.", "percentage")]
    [InlineData("About half of the region's 150,000 people have been displaced.", "share of a population")]
    public void Never_news_numbers_do_not_become_casualty_figures(string sentence, string why)
    {
        Assert.True(TestSupport.Claims(sentence).Count == 0, why);
    }

    [Fact]
    public void A_paragraph_about_the_past_stays_background_until_a_new_date_appears()
    {
        var body = "The first war ended in 1994. Some 20,000 people were killed in it. On Monday, 4 soldiers were killed near Fuzuli.";
        var claims = TestSupport.Claims(body);
        Assert.Equal(4, Assert.Single(claims).Count);
    }

    [Fact]
    public void A_comparison_with_an_old_war_is_not_background()
    {
        var items = TestSupport.Items("Heavy fighting near Hadrut on Monday was the worst since the 1988-1994 war.");
        Assert.Contains(items, i => i.Kind == Core.Events.EventKind.Escalation);
    }
}
