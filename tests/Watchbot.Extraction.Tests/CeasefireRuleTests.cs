using Watchbot.Core.Events;

namespace Watchbot.Extraction.Tests;

public class CeasefireRuleTests
{
    [Theory]
    [InlineData("Russia called for an immediate ceasefire between Armenia and Azerbaijan on Monday.", CeasefireStance.Call, "Russia")]
    [InlineData("The UN chief urged both sides to show restraint.", CeasefireStance.Call, "UN")]
    [InlineData("Merkel told Aliyev that all parties must stop the fighting.", CeasefireStance.Call, "Germany")]
    [InlineData("Armenia and Azerbaijan agreed to a humanitarian truce in talks hosted by Russia.", CeasefireStance.Agreement, "Armenia")]
    [InlineData("The truce took effect at midnight, Karabakh officials said.", CeasefireStance.InForce, "Artsakh")]
    [InlineData("Azerbaijan accused Armenian forces of violating the ceasefire near Hadrut.", CeasefireStance.Violation, "Azerbaijan")]
    [InlineData("Turkey's foreign minister rejected calls for a ceasefire in Karabakh.", CeasefireStance.Rejection, "Turkey")]
    [InlineData("Erdogan ruled out any truce until Armenia withdraws.", CeasefireStance.Rejection, "Turkey")]
    [InlineData("\"We call on both sides to respect the ceasefire,\" the Kremlin said.", CeasefireStance.Call, "Russia")]
    [InlineData("Armenia, Azerbaijan and Russia signed a deal on Tuesday to end the fighting in Karabakh.", CeasefireStance.Agreement, "Armenia")]
    [InlineData("The junta in Mali announced on Thursday the end of the 2015 peace accord with the northern rebels.", CeasefireStance.Rejection, "Mali")]
    [InlineData("\"All channels for talks are now closed,\" a spokesman for the Permanent Strategic Framework said.", CeasefireStance.Rejection, "CSP")]
    [InlineData("Karabakh forces accepted a Russian proposal of ceasefire on Wednesday.", CeasefireStance.Agreement, "Artsakh")]
    [InlineData("Armenia and Azerbaijan reached an agreement on a ceasefire from 20:00, the parties said.", CeasefireStance.Agreement, "Armenia")]
    [InlineData("Mediators from France are pushing for a 60-day truce between Armenia and Azerbaijan.", CeasefireStance.Call, "France")]
    [InlineData("A truce agreed in Geneva broke down by nightfall, with Armenia and Azerbaijan accusing each other of breaking it.", CeasefireStance.Violation, "both sides")]
    [InlineData("A French-brokered ceasefire between Armenia and Azerbaijan was shattered within minutes, with both sides accusing each other of shelling civilian areas.", CeasefireStance.Violation, "both sides")]
    [InlineData("The leaders of Armenia, Azerbaijan and Russia signed an agreement overnight to end six weeks of fighting over Nagorno-Karabakh.", CeasefireStance.Agreement, "Russia")]
    [InlineData("Armenia and Azerbaijan initialled a peace agreement at the White House on Friday.", CeasefireStance.Agreement, "Armenia")]
    [InlineData("Azerbaijan said it would not negotiate while under attack.", CeasefireStance.Rejection, "Azerbaijan")]
    [InlineData("The UN mission called on all parties in Karabakh to recommit to the 2018 peace agreement.", CeasefireStance.Call, "UN")]
    [InlineData("Armenia's prime minister said his country had proposed an immediate and unconditional ceasefire.", CeasefireStance.Call, "Armenia")]
    [InlineData("Aliyev suspended peace talks with Armenia on Monday, accusing it of war crimes.", CeasefireStance.Rejection, "Azerbaijan")]
    [InlineData("Azerbaijan announced a unilateral halt to military operations in Karabakh on Sunday.", CeasefireStance.Agreement, "Azerbaijan")]
    [InlineData("Armenia and Azerbaijan each accused the other of violating the 2022 ceasefire understanding.", CeasefireStance.Violation, "both sides")]
    [InlineData("Each side accused the other of breaching the truce near the Armenian border first.", CeasefireStance.Violation, "both sides")]
    [InlineData("The UN secretary-general urged both countries to show maximum restraint after the clashes in Karabakh.", CeasefireStance.Call, "UN")]
    public void Ceasefire_statements_have_a_stance_and_a_speaker(string sentence, CeasefireStance stance, string actor)
    {
        var item = Assert.Single(TestSupport.Items(sentence, EventKind.Ceasefire));
        Assert.Equal(stance, item.Stance);
        Assert.Equal(actor, item.ClaimedBy);
    }

    [Theory]
    [InlineData("Washington made no call for restraint in the Armenian-Azerbaijani war.")]
    [InlineData("The ceasefire in Libya held for a month.")]
    [InlineData("Peace talks on Syria resumed in Geneva.")]
    [InlineData("Niger's junta cancelled a defence cooperation agreement with the United States.")]
    public void Negated_calls_and_other_wars_are_not_ceasefire_statements(string sentence)
    {
        Assert.Empty(TestSupport.Items(sentence, EventKind.Ceasefire));
    }

    [Fact]
    public void A_ceasefire_sentence_that_names_nobody_counts_in_an_article_about_the_war()
    {
        var article = new Core.Stores.ArticleDraft("t.txt", null, "Truce holds in Nagorno-Karabakh", null, TestSupport.Day("2020-11-10"), true,
            "Aid workers reached the enclave. The ceasefire took effect at 1 a.m. Moscow time, and no violations were reported.", "h");
        var item = Assert.Single(TestSupport.Extractor.ReadItems(article, TestSupport.Topics), i => i.Kind == EventKind.Ceasefire);
        Assert.Equal(CeasefireStance.InForce, item.Stance);
    }

    [Theory]
    [InlineData("The US secretary of state phoned both leaders and called for an immediate end to the hostilities.", "United States")]
    [InlineData("France's president urged the two governments to show restraint.", "France")]
    public void A_call_that_names_neither_side_counts_in_an_article_about_the_war(string sentence, string speaker)
    {
        var article = new Core.Stores.ArticleDraft("t.txt", null, "Armenia and Azerbaijan clash on their border", null, TestSupport.Day("2022-09-14"), true,
            "Troops of Armenia and Azerbaijan fought along the border overnight, officials in Yerevan said.\n\nThe fighting spread to three towns.\n\n" + sentence, "h");

        var call = Assert.Single(TestSupport.Extractor.ReadItems(article, TestSupport.Topics), i => i.Kind == EventKind.Ceasefire);

        Assert.Equal((CeasefireStance.Call, speaker), (call.Stance!.Value, call.ClaimedBy));
    }

    [Fact]
    public void A_call_to_restore_a_truce_that_ran_out_years_ago_is_news_dated_now_not_then()
    {
        var item = Assert.Single(TestSupport.Items("The UN envoy called on Armenia and Azerbaijan to restore the truce that expired in October 2016.", EventKind.Ceasefire));
        Assert.Equal(CeasefireStance.Call, item.Stance);
        Assert.Equal(2020, item.Date.Date.Year);
    }

    [Fact]
    public void A_date_of_when_a_truce_began_does_not_date_its_collapse()
    {
        var item = Assert.Single(TestSupport.Items("A Russian-brokered truce between Armenia and Azerbaijan that took effect on Oct. 2 collapsed within hours.", EventKind.Ceasefire));
        Assert.Equal(CeasefireStance.Violation, item.Stance);
        Assert.NotEqual(TestSupport.Day("2020-10-02"), item.Date.Date);
    }

    [Fact]
    public void Two_calls_in_one_sentence_get_their_own_dates()
    {
        var items = TestSupport.Items("While the UN called on Tuesday for an end to the fighting in Karabakh, the EU urged restraint on Wednesday.", EventKind.Ceasefire, "2020-10-09");
        Assert.Equal([TestSupport.Day("2020-10-06"), TestSupport.Day("2020-10-07")], items.Select(i => i.Date.Date).ToArray());
    }

    [Fact]
    public void A_statement_that_points_back_at_a_truce_counts()
    {
        var items = TestSupport.Items("Armenia and Azerbaijan agreed to a truce in Moscow on Saturday. It took effect at noon on Sunday, officials in Baku said.", EventKind.Ceasefire);
        Assert.Contains(items, i => i.Stance == CeasefireStance.InForce);
    }

    [Fact]
    public void A_live_blogs_date_heading_dates_the_entries_under_it()
    {
        var article = TestSupport.Article("Shelling reported in several towns, officials said.\n\nSunday, 4 October\n\nAzerbaijani artillery shelled Martakert, Karabakh officials said.", "2020-10-07");
        var item = Assert.Single(TestSupport.Extractor.ReadItems(article, TestSupport.Topics), i => i.Kind == EventKind.Escalation && i.Sentence.Contains("Martakert", StringComparison.Ordinal));
        Assert.Equal(TestSupport.Day("2020-10-04"), item.Date.Date);
    }

    [Fact]
    public void A_refusal_quoted_from_he_is_the_side_whose_leader_the_sentence_before_named()
    {
        var items = TestSupport.Items("President Ilham Aliyev said the fighting would only stop when Armenian forces withdraw. \"There will be no ceasefire until then,\" he said.", EventKind.Ceasefire);

        var refusal = Assert.Single(items);
        Assert.Equal((CeasefireStance.Rejection, "Azerbaijan"), (refusal.Stance!.Value, refusal.ClaimedBy));
    }

    [Fact]
    public void A_deal_that_came_into_force_is_in_force_and_the_city_where_a_truce_was_agreed_does_not_report_its_collapse()
    {
        var inForce = Assert.Single(TestSupport.Items("The deal, which came into force at 1 a.m., locks in the gains Azerbaijan made in Karabakh.", EventKind.Ceasefire));
        var collapse = Assert.Single(TestSupport.Items("An earlier truce between Armenia and Azerbaijan, agreed in Moscow after 11 hours of talks, broke down almost immediately.", EventKind.Ceasefire));

        Assert.Equal(CeasefireStance.InForce, inForce.Stance);
        Assert.Equal((CeasefireStance.Violation, (string?)null), (collapse.Stance!.Value, collapse.ClaimedBy));
    }
}
