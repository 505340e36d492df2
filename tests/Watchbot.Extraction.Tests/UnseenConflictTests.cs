using Watchbot.Core.Commands.Admin;
using Watchbot.Core.Events;
using Watchbot.Core.Topics;

namespace Watchbot.Extraction.Tests;

/// <summary>
/// A conflict the project ships nothing about, known only from a topic an admin typed with /admin topic add: the
/// extractor must find its attacks, figures (with whose people and who says so) and truces from that entry alone.
/// The article is written for this test; its facts are invented.
/// </summary>
public class UnseenConflictTests
{
    private static readonly Topic Sudan = Admin(
        "sudan", "War between the Sudanese army and the Rapid Support Forces",
        "sides=Sudan/Sudanese army/Sudanese Armed Forces/SAF/Burhan/Sudanese,RSF/Rapid Support Forces/Hemedti/Dagalo",
        "armed=RSF",
        "places=El Fasher/Al-Fashir@Sudan,Nyala@Sudan,Khartoum@Sudan,Babanusa@Sudan,Darfur",
        "keywords=Darfur,RSF");

    private static Topic Admin(string name, string description, params string[] assignments)
    {
        var (topic, problem) = TopicAction.Apply(new Topic(name, description, [], [], []), assignments);
        Assert.True(topic is not null, problem);
        return topic!;
    }

    private const string Body = """
        Paramilitary fighters shelled a displacement camp on the edge of El Fasher on Sunday, killing 12 people, local officials said.

        The Sudanese army said its aircraft struck RSF positions near Nyala, and that 30 RSF fighters were killed.

        A drone hit the central market in El Fasher on Monday morning. At least 15 civilians were killed and 40 were wounded, the regional health ministry said.

        The Rapid Support Forces said they had taken control of the army's garrison in Babanusa.

        Both sides agreed to a three-day humanitarian truce brokered by the United States, mediators said on Monday.

        The UN refugee agency said more than 20,000 people had fled El Fasher since the start of the month.
        """;

    private static IReadOnlyList<EventDraft> Events()
    {
        var article = new Core.Stores.ArticleDraft("sudan.txt", null, "Drone strike on El Fasher market kills 15", "Nile Wire", TestSupport.Day("2024-06-10"), true, Body, "h");
        return TestSupport.Extractor.Extract(article, "sudan.txt", [.. TestSupport.Topics, Sudan]);
    }

    [Theory]
    [InlineData("Strikes by the Northern army killed at least 40 people across the Delta valley on Sunday, hospital officials said.", "Delta", "unknown")]
    [InlineData("The Northern army said it killed 25 militants on Sunday.", "Delta Front", "military")]
    public void When_the_other_camp_is_an_armed_group_and_its_people_the_dead_are_the_people_unless_they_are_fighters(
        string sentence, string side, string population)
    {
        var topic = Admin("delta", "An invented war between the North and the Delta Front",
            "sides=North/Northern army/Northern,Delta Front/the Front,Delta/Delta people", "camps=Delta Front+Delta", "armed=Delta Front",
            "places=Delta valley@Delta", "keywords=Delta Front");
        var article = new Core.Stores.ArticleDraft("delta.txt", null, "Fighting in the Delta", null, TestSupport.Day("2024-06-10"), true, sentence, "h");

        var claim = Assert.Single(TestSupport.Extractor.Extract(article, "delta.txt", [.. TestSupport.Topics, topic]).SelectMany(e => e.Casualties));

        Assert.Equal((side, population), (claim.Side, claim.Population.Name()));
    }

    /// <summary>An invented war: the Coast against the Fen Brigades, who fight for the fen people; the fen villages are
    /// the people's. On the Coast's side, two states and a hired company share one camp.</summary>
    private static readonly Topic Fen = Admin("fen", "An invented war between the Coast and the Fen Brigades",
        "sides=Coast/Coastal army/Coastal,Fen Brigades/the Brigades,Fen/fen people,Hollin/Hollin army,Greyward/Greyward company",
        "camps=Fen Brigades+Fen,Coast+Hollin+Greyward", "armed=Fen Brigades,Greyward",
        "places=Marrow Fen/the Marrow@Fen,Eelby@Fen,Port Salt@Coast", "keywords=Fen Brigades");

    [Theory]
    [InlineData("Coastal gunboats killed 25 militants in Marrow Fen on Tuesday, the navy said.", "Fen Brigades", "military")]
    [InlineData("Eight rebels were killed in heavy fighting near Eelby on Tuesday.", "Fen Brigades", "military")]
    [InlineData("In Eelby, 14 insurgents died when their convoy was hit on Tuesday.", "Fen Brigades", "military")]
    [InlineData("Six villagers were killed in Marrow Fen on Tuesday when shells hit the market.", "Fen", "civilian")]
    [InlineData("Nine fighters were killed near Port Salt on Tuesday.", "Coast", "military")]
    public void Irregular_fighters_killed_in_the_land_of_a_people_belong_to_the_armed_group_that_fights_for_it_not_to_the_people(
        string sentence, string side, string population)
    {
        var article = new Core.Stores.ArticleDraft("fen.txt", null, "Fighting in the fens", null, TestSupport.Day("2025-03-04"), true, sentence, "h");

        var claim = Assert.Single(TestSupport.Extractor.Extract(article, "fen.txt", [.. TestSupport.Topics, Fen]).SelectMany(e => e.Casualties));

        Assert.Equal((side, population), (claim.Side, claim.Population.Name()));
    }

    [Theory]
    [InlineData("Coastal air defences shot down four drones on Tuesday, the army said.", "Coastal artillery shelled the Brigades' trenches on Tuesday, the army said.", 2)]
    [InlineData("Coastal jets bombed a Brigades fuel depot on Tuesday.", "Coastal troops stormed a Brigades outpost on Tuesday, officers said.", 2)]
    [InlineData("Coastal artillery shelled the Brigades' trenches on Tuesday, the army said.", "Coastal howitzers also pounded the Brigades' lines on Tuesday, officers said.", 1)]
    public void One_sides_placeless_attacks_of_one_day_in_one_article_are_one_event_only_by_the_same_means(string first, string second, int escalations)
    {
        var article = new Core.Stores.ArticleDraft("fen2.txt", null, "Fighting in the fens", null, TestSupport.Day("2025-03-05"), true,
            first + "\n\nThe Brigades did not comment on the report.\n\n" + second, "h");

        var events = TestSupport.Extractor.Extract(article, "fen2.txt", [.. TestSupport.Topics, Fen]).Where(e => e.Kind == EventKind.Escalation).ToList();

        Assert.Equal(escalations, events.Count);
        Assert.All(events, e => Assert.Equal("Coast", e.Actors[0]));
    }

    /// <summary>An invented war of one state, Marland, against one armed group, the Crow Front.</summary>
    private static readonly Topic Crow = Admin("crow", "An invented war between Marland and the Crow Front",
        "sides=Marland/Marland army/Marlish,Crow Front/the Front/Crow", "armed=Crow Front", "places=Tessel@Marland,Orrin", "keywords=Crow Front");

    private static IReadOnlyList<EventDraft> CrowEvents(string body) =>
        TestSupport.Extractor.Extract(new Core.Stores.ArticleDraft("crow.txt", null, "Fighting in Marland", null, TestSupport.Day("2024-03-09"), true, body, "h"),
            "crow.txt", [.. TestSupport.Topics, Crow]);

    [Theory]
    [InlineData("Crow gunmen ambushed an army convoy on the Orrin road on Friday, killing 14 soldiers, a militia spokesman claimed.", 14, "Marland", "military", "spokesman")]
    [InlineData("Troops retook Orrin on Thursday, the defence ministry said, adding that more than 60 militants were killed.", 60, "Crow Front", "military", "Marland")]
    [InlineData("At least 70 people were killed when members of the Crow Front opened fire on villagers in Orrin on Thursday, the UN said.", 70, "Marland", "unknown", "UN")]
    [InlineData("Marlish troops, deployed around Orrin since 2021, said they had killed 12 militants on Monday.", 12, "Crow Front", "military", "Marland")]
    [InlineData("Marlish government warplanes bombed Orrin on Wednesday, killing at least 21 people, local officials said.", 21, "Crow Front", "unknown", "local officials")]
    [InlineData("The army spokesman, Ivo Marsh, said Crow fighters had overrun a garrison near Orrin on Monday, killing 24 soldiers.", 24, "Marland", "military", "army spokesman")]
    [InlineData("Crow fighters raided two villages near Orrin on Sunday, beheading at least eight men, a local administrator said.", 8, "Marland", "civilian", "local administrator")]
    public void In_a_war_of_a_state_against_one_armed_group_the_people_hit_and_the_government_that_speaks_follow_from_the_two_sides(
        string sentence, int count, string side, string population, string claimant)
    {
        var claim = Assert.Single(CrowEvents(sentence).SelectMany(e => e.Casualties));

        Assert.Equal((count, side, population, claimant), (claim.Count, claim.Side, claim.Population.Name(), claim.ClaimedBy));
    }

    [Fact]
    public void The_army_named_after_the_group_that_speaks_is_the_state_that_attacks_and_fighting_people_fled_is_no_attack()
    {
        var events = CrowEvents("The Front said the army had dropped barrel bombs on Orrin on Wednesday.\n\nMore than 60,000 people have fled fighting around Orrin since February, the UN said.");

        Assert.Equal("Marland", Assert.Single(events, e => e.Kind == EventKind.Escalation).Actors[0]);
        Assert.Contains(events, e => e.Kind == EventKind.Displacement);
    }

    [Fact]
    public void Government_troops_backed_by_an_outside_power_are_the_state_that_attacks()
    {
        var attack = Assert.Single(CrowEvents("Government troops backed by foreign airstrikes recaptured Orrin from the Front on Thursday."), e => e.Kind == EventKind.Escalation);

        Assert.Equal("Marland", attack.Actors[0]);
    }

    [Fact]
    public void An_attacker_that_fights_two_sides_does_not_decide_whose_people_were_hit()
    {
        var claim = Assert.Single(TestSupport.Claims("Azerbaijani forces shelled the positions overnight, killing three soldiers."));

        Assert.Equal("unknown", claim.Side);
    }

    /// <summary>An invented war in which an admin gave the towns the armed group holds to the group itself.</summary>
    private static readonly Topic Ridge = Admin("ridge", "An invented war between the Union and the Ridge Front",
        "sides=Union/Union army/federal forces,Kessia/Kessian troops,Ridge Front/the Front", "camps=Union+Kessia", "armed=Ridge Front",
        "places=Tolby@Ridge Front,Ambra@Ridge Front", "keywords=Ridge Front");

    private static IReadOnlyList<EventDraft> RidgeEvents(string body) =>
        TestSupport.Extractor.Extract(new Core.Stores.ArticleDraft("ridge.txt", null, "Fighting on the ridge", null, TestSupport.Day("2022-08-12"), true, body, "h"),
            "ridge.txt", [.. TestSupport.Topics, Ridge]);

    [Fact]
    public void People_killed_in_a_town_an_armed_group_holds_are_its_people_not_its_fighters_and_so_are_the_wounded_counted_with_them()
    {
        var claims = RidgeEvents("At least 19 people were killed and 32 injured when a drone hit a market in Tolby on Thursday, doctors said.")
            .SelectMany(e => e.Casualties).ToList();

        Assert.Equal([(19, "Ridge Front", Population.Unknown), (32, "Ridge Front", Population.Unknown)], claims.Select(c => (c.Count, c.Side, c.Population)).OrderBy(c => c.Count));
    }

    [Fact]
    public void Captives_set_free_are_a_release_not_a_capture_or_an_attack()
    {
        var events = RidgeEvents("The Front said on Friday it had freed 120 Union soldiers captured earlier in the war, handing them to the Red Cross in Ambra.");

        var release = Assert.Single(events);
        Assert.Equal(EventKind.Prisoners, release.Kind);
        Assert.Empty(release.Casualties);
    }

    [Fact]
    public void A_refusal_of_the_call_the_sentence_before_made_is_a_rejection_and_a_recap_of_calls_is_not_news()
    {
        var events = RidgeEvents(
            "Aid agencies say the UN has repeatedly called for a ceasefire since the war began.\n\nThe Union's prime minister rejected the call on Friday, saying he would not talk to the Front.");

        var statement = Assert.Single(events, e => e.Kind == EventKind.Ceasefire);
        Assert.Equal(CeasefireStance.Rejection, statement.Stance);
        Assert.Equal("Union", statement.ClaimedBy);
    }

    [Fact]
    public void According_to_the_ministry_names_the_ministry_the_article_quoted_before()
    {
        var claims = RidgeEvents("Union jets struck Tolby on Thursday, killing 11 people, the Ridge Front's health ministry said.\n\nSince the spring more than 900 people have been killed in Tolby, according to the ministry.")
            .SelectMany(e => e.Casualties).ToList();

        Assert.All(claims, c => Assert.Equal("Ridge Front", c.ClaimedBy));
        Assert.Contains(claims, c => c.Count == 900);
    }

    [Fact]
    public void The_article_is_read_against_the_admins_topic()
    {
        var article = new Core.Stores.ArticleDraft("sudan.txt", null, "Drone strike on El Fasher market kills 15", null, TestSupport.Day("2024-06-10"), true, Body, "h");
        Assert.Equal(["sudan"], TestSupport.Extractor.ConflictOf(article, [.. TestSupport.Topics, Sudan]).Topics.Select(t => t.Name));
        Assert.All(Events(), e => Assert.Contains("sudan", e.Topics));
    }

    [Theory]
    [InlineData(12, "killed", "Sudan", "unknown", "local officials")]
    [InlineData(30, "killed", "RSF", "military", "Sudan")]
    [InlineData(15, "killed", "Sudan", "civilian", "Sudan")]
    [InlineData(40, "wounded", "Sudan", "civilian", "Sudan")]
    [InlineData(20000, "displaced", "Sudan", "civilian", "UNHCR")]
    public void Each_figure_has_its_outcome_side_population_and_claimant(int count, string outcome, string side, string population, string claimedBy)
    {
        var claim = Assert.Single(Events().SelectMany(e => e.Casualties), c => c.Count == count);
        Assert.Equal(outcome, claim.Outcome.Name());
        Assert.Equal(side, claim.Side);
        Assert.Equal(population, claim.Population.Name());
        Assert.Equal(claimedBy, claim.ClaimedBy);
    }

    [Theory]
    [InlineData("displacement camp", "2024-06-09")]
    [InlineData("RSF positions", "2024-06-09")]
    [InlineData("central market", "2024-06-10")]
    [InlineData("garrison", "2024-06-09")]
    public void Each_attack_is_an_escalation_without_any_name_the_project_ships(string words, string date)
    {
        var escalation = Assert.Single(Events(), e => e.Kind == EventKind.Escalation && e.Sources.Any(s => s.Sentence!.Contains(words, StringComparison.Ordinal)));
        Assert.Equal(TestSupport.Day(date), escalation.Date);
    }

    [Fact]
    public void The_truce_is_an_agreement()
    {
        var truce = Assert.Single(Events(), e => e.Kind == EventKind.Ceasefire);
        Assert.Equal(CeasefireStance.Agreement, truce.Stance);
    }

    [Fact]
    public void Without_the_topic_nothing_is_tagged_and_no_side_is_guessed()
    {
        var article = new Core.Stores.ArticleDraft("sudan.txt", null, "Drone strike on El Fasher market kills 15", null, TestSupport.Day("2024-06-10"), true, Body, "h");
        var events = TestSupport.Extractor.Extract(article, "sudan.txt", TestSupport.Topics);
        Assert.All(events, e => Assert.Empty(e.Topics));
        Assert.All(events.SelectMany(e => e.Casualties), c => Assert.DoesNotContain(c.Side, new[] { "Sudan", "RSF" }));
    }
}
