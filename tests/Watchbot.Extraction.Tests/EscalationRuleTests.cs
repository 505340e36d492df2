using Watchbot.Core.Events;

namespace Watchbot.Extraction.Tests;

public class EscalationRuleTests
{
    [Theory]
    [InlineData("Azerbaijani artillery shelled Martakert on Monday.", "Azerbaijan", "2020-10-05")]
    [InlineData("Armenian forces fired rockets at Barda yesterday, officials said.", "Armenia", "2020-10-06")]
    [InlineData("Azerbaijan said its army liberated five villages in the Fuzuli district on Sunday.", "Azerbaijan", "2020-10-04")]
    [InlineData("The Karabakh army said Azerbaijani troops had launched a large-scale offensive in the north on October 1.", "Azerbaijan", "2020-10-01")]
    [InlineData("Heavy fighting with tanks and drones raged along the line of contact in Nagorno-Karabakh on Tuesday.", null, "2020-10-06")]
    [InlineData("Clashes broke out on the border between Tavush and Tovuz last Sunday.", null, "2020-10-04")]
    [InlineData("Baku warned that its missiles are capable of launching strikes on Armenian cities.", "Azerbaijan", null)]
    [InlineData("Shells fired in the fighting between Armenia and Azerbaijan landed in Iran, damaging a house.", null, null)]
    [InlineData("Gunmen on motorbikes opened fire on a market in the north, killing 9, witnesses said on Tuesday.", null, "2020-10-06")]
    [InlineData("Paramilitary fighters shelled a displacement camp outside the city, killing 12.", null, null)]
    [InlineData("Azerbaijani forces set up a checkpoint on the Lachin corridor on Monday.", "Azerbaijan", "2020-10-05")]
    [InlineData("Karabakh said on Wednesday, 24 hours after Azerbaijani troops launched an offensive, that it accepted talks.", "Azerbaijan", "2020-10-06")]
    [InlineData("The village of Tawori in Mali was shelled by Burkinabe artillery on Sunday.", "Burkina Faso", null)]
    [InlineData("Azerbaijani artillery repeatedly shelled Martakert on Monday.", "Azerbaijan", "2020-10-05")]
    [InlineData("In Stepanakert, residents sheltered in a basement as explosions shook the city late on Monday.", null, "2020-10-05")]
    [InlineData("The Karabakh army said it had repelled an Azerbaijani assault near Martuni on Monday, a claim that could not be verified.", "Azerbaijan", "2020-10-05")]
    [InlineData("STEPANAKERT, Oct 7 (Caucasus Wire) - Azerbaijani drones struck an ammunition depot near Martuni on Monday.", "Azerbaijan", "2020-10-05")]
    [InlineData("Armenian and Azerbaijani troops clashed near Tavush on Tuesday.", null, "2020-10-06")]
    [InlineData("The adversary resumed its offensive in the south on Monday, using heavy artillery, the Armenian defence ministry said.", "Azerbaijan", "2020-10-05")]
    [InlineData("STEPANAKERT, May 4 (Wire) - Renewed fighting near Martuni has forced hundreds of families to flee, officials said.", null, null)]
    [InlineData("BAKU, 4 May - Armenian artillery shelled Tartar overnight, officials said.", "Armenia", null)]
    [InlineData("Aliyev said his army had taken the village of Talish and two strategic heights on Monday.", "Azerbaijan", "2020-10-05")]
    public void Attacks_captures_and_threats_are_escalations(string sentence, string? actor, string? date)
    {
        var item = Assert.Single(TestSupport.Items(sentence, EventKind.Escalation));
        if (actor is not null)
        {
            Assert.Equal(actor, item.Actors[0]);
        }

        if (date is not null)
        {
            Assert.Equal(TestSupport.Day(date), item.Date.Date);
        }
    }

    [Theory]
    [InlineData("Thousands marched through Yerevan on Saturday to mark one year since Azerbaijan retook Karabakh.", "commemoration")]
    [InlineData("Azerbaijani forces do not appear to have advanced into Karabakh.", "negated")]
    [InlineData("A strike on the dam would flood Armenian villages downstream.", "hypothetical")]
    [InlineData("The offensive began while the Turkish minister was in Baku.", "back-reference")]
    [InlineData("Iran fired missiles at US bases in Iraq in January.", "another war")]
    [InlineData("France condemned the attack on Armenian villages.", "reaction")]
    [InlineData("Both sides must stop the clashes immediately, Armenia's ally said.", "a call to stop")]
    [InlineData("The war between Armenia and Azerbaijan could escalate into a regional war.", "commentary")]
    [InlineData("In 2016, clashes between Armenia and Azerbaijan lasted four days.", "history")]
    [InlineData("Protesters stormed government buildings in Yerevan after the announcement.", "a protest")]
    [InlineData("Azerbaijani troops must leave the occupied territories of Armenia, Yerevan said.", "a participle describing a thing")]
    [InlineData("Armenia said 20 of its servicemen were captured near Jermuk.", "people taken, a casualty figure")]
    [InlineData("An explosion hit a fuel depot near Stepanakert as people queued.", "an accident")]
    [InlineData("People in Stepanakert say they no longer count the air-raid sirens.", "a warning, not an attack")]
    [InlineData("Armenia and Azerbaijan held talks on Monday. Troops backed by Russia and Turkey fight on in Libya too.", "another theatre")]
    [InlineData("Karabakh accused Azerbaijan of violating the ceasefire by firing on Martuni.", "a ceasefire violation statement")]
    [InlineData("Pashinyan vowed to continue fighting until the end.", "an intention")]
    [InlineData("Ganja, a city of 330,000 people, has been struck several times since late September.", "a recap of weeks of attacks")]
    [InlineData("Border villages near Tavush have come under fire repeatedly over the past month, residents said.", "a recap of weeks of attacks")]
    [InlineData("Stepanakert's hospital has been hit on several occasions in recent weeks.", "a recap of weeks of attacks")]
    public void Commentary_and_background_are_not_escalations(string sentence, string why)
    {
        Assert.True(TestSupport.Items(sentence, EventKind.Escalation).Count == 0, why);
    }

    [Fact]
    public void A_country_named_after_the_attack_is_not_its_actor()
    {
        var item = Assert.Single(TestSupport.Items("Gunmen torched homes in a village in Mali before fleeing towards the border with Niger.", EventKind.Escalation));
        Assert.False(item.Summary.StartsWith("Niger:", StringComparison.Ordinal), item.Summary);
        Assert.False(item.Summary.StartsWith("Mali:", StringComparison.Ordinal), item.Summary);
    }

    [Theory]
    [InlineData("A missile hit a residential block in Ganja overnight, killing 13 civilians, officials said.", 4)]
    [InlineData("Azerbaijani artillery shelled Martakert on Monday.", 3)]
    [InlineData("Azerbaijan said its army liberated five villages in the Fuzuli district on Sunday.", 4)]
    public void An_attack_that_killed_people_is_as_grave_as_ground_taken(string sentence, int severity)
    {
        Assert.Equal(severity, Assert.Single(TestSupport.Items(sentence, EventKind.Escalation)).Severity);
    }

    [Theory]
    [InlineData("A missile hit a residential block in Ganja overnight.", "A missile hit a residential block in Ganja overnight")]
    [InlineData("GANJA, Azerbaijan, Oct 17 (Wire) - A missile hit a residential block overnight.", "A missile hit a residential block overnight")]
    [InlineData("STEPANAKERT (AP) — Azerbaijani drones struck a fuel depot on Monday.", "Azerbaijani drones struck a fuel depot on Monday")]
    [InlineData("18:40 Ganja was hit by rockets this morning, officials say.", "Ganja was hit by rockets this morning, officials say")]
    [InlineData("Azerbaijan accused Armenia of shelling Tovuz, but Yerevan said its troops had shelled Azerbaijani positions near Tovuz first.", "Azerbaijan accused Armenia of shelling Tovuz")]
    [InlineData("Authorities in Stepanakert said Azerbaijani forces shelled villages near the town overnight.", "Authorities in Stepanakert said Azerbaijani forces shelled villages near the town overnight")]
    public void An_escalation_is_summed_up_in_its_own_words_without_repeating_its_places_or_a_named_attacker(string sentence, string summary)
    {
        Assert.Equal(summary, Assert.Single(TestSupport.Items(sentence, EventKind.Escalation)).Summary.TrimEnd('.'));
    }

    [Fact]
    public void A_long_clause_is_cut_after_a_whole_word()
    {
        var clause = string.Join(' ', Enumerable.Repeat("shelling", 30));

        var summary = Frames.EscalationRule.Trim(clause);

        Assert.True(summary.Length <= 160, summary);
        Assert.EndsWith("shelling…", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Azerbaijani artillery shelled Martakert on Monday.", null)]
    [InlineData("Azerbaijan said its army liberated five villages in the Fuzuli district on Sunday.", "Azerbaijan")]
    [InlineData("Azerbaijani artillery shelled Martakert on Monday, local officials said.", "local officials")]
    public void The_attacker_is_not_its_own_witness(string sentence, string? claimedBy)
    {
        Assert.Equal(claimedBy, Assert.Single(TestSupport.Items(sentence, EventKind.Escalation)).ClaimedBy);
    }

    [Fact]
    public void The_owner_of_a_place_that_was_hit_is_not_the_attacker()
    {
        var attack = Assert.Single(TestSupport.Items("Ganja, Azerbaijan's second city, was hit by rockets early on Sunday, Baku says.", EventKind.Escalation));

        Assert.DoesNotContain("Azerbaijan", attack.Actors);
    }

    [Fact]
    public void In_an_article_about_the_war_an_outbreak_of_fighting_that_names_nobody_is_an_escalation_dated_by_its_own_verb()
    {
        var article = TestSupport.Article("Aid convoys wait at the road into Nagorno-Karabakh, officials in Armenia and Azerbaijan said.\n\nHeavy fighting broke out on Sunday.", "2020-09-29");

        var attack = Assert.Single(TestSupport.Extractor.ReadItems(article, TestSupport.Topics), i => i.Kind == EventKind.Escalation);

        Assert.Equal(TestSupport.Day("2020-09-27"), attack.Date.Date);
    }

    [Fact]
    public void A_live_blog_entry_stamped_with_a_time_of_day_is_dated_the_day_of_the_page_not_the_day_before()
    {
        var article = TestSupport.Article("Live updates from Nagorno-Karabakh and Armenia.\n\n18:40 The emergency service in Stepanakert says the city came under renewed shelling.", "2020-10-04");

        var attack = Assert.Single(TestSupport.Extractor.ReadItems(article, TestSupport.Topics), i => i.Kind == EventKind.Escalation);

        Assert.Equal(TestSupport.Day("2020-10-04"), attack.Date.Date);
    }

    [Fact]
    public void An_attack_a_day_before_the_one_the_lede_dates_is_its_own_event_dated_a_day_earlier()
    {
        var article = TestSupport.Article("Azerbaijani troops opened fire on Armenian positions near Sotk on Thursday, Armenia said.\n\nThe shooting came a day after Azerbaijan set up a checkpoint on the Lachin corridor.", "2023-06-16");

        var attacks = TestSupport.Extractor.ReadItems(article, TestSupport.Topics).Where(i => i.Kind == EventKind.Escalation).Select(i => i.Date.Date).ToList();

        Assert.Equal([TestSupport.Day("2023-06-15"), TestSupport.Day("2023-06-14")], attacks);
    }
}
