using Watchbot.Extraction.Config;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Tests;

public class ConfigTests
{
    [Fact]
    public void The_topic_names_its_places_by_any_alias_and_knows_their_side()
    {
        var found = TestSupport.Karabakh.Gazetteer.Find("Shelling hit Khankendi and Shushi.");
        Assert.Contains(found, m => m.Name == "Stepanakert" && m.Side == "Artsakh");
        Assert.Contains(found, m => m.Name == "Shusha" && m.Side == "Artsakh");
    }

    [Fact]
    public void The_generic_gazetteer_names_no_side_and_no_place_of_any_conflict()
    {
        var config = ExtractionConfig.Load(TestSupport.ConfigDirectory);
        Assert.DoesNotContain(config.Gazetteer.Entries, e => e.Belligerent || e.Side is not null || e.Kind == MentionKind.Place);
        Assert.Empty(config.Gazetteer.Find("Shelling hit Khankendi, Gao and Stepanakert; Armenia and Mali said so."));
    }

    [Theory]
    [InlineData("Armenia", "Azerbaijan")]
    [InlineData("Artsakh", "Azerbaijan")]
    [InlineData("Azerbaijan", "Armenia")]
    public void A_side_fights_the_first_side_of_the_one_other_camp(string side, string adversary)
    {
        Assert.Equal(adversary, TestSupport.Karabakh.Adversary(side));
    }

    [Theory]
    [InlineData("JNIM")]
    [InlineData("Mali")]
    public void A_side_facing_several_camps_has_no_single_adversary(string side)
    {
        Assert.Null(TestSupport.Sahel.Adversary(side));
    }

    [Fact]
    public void A_topic_entry_wins_over_a_generic_one_with_the_same_name()
    {
        var generic = new Gazetteer([new GazetteerEntry("Russia", MentionKind.Actor, null, false, ["Russian mercenaries", "Russian"])]);
        var topic = new Core.Topics.Topic("t", "d", [], [], []) { Sides = [new Core.Topics.TopicSide("Wagner", ["Russian mercenaries"])] };
        var found = Conflict.Of(generic, [topic]).Gazetteer.Find("Russian mercenaries left; a Russian envoy stayed.");
        Assert.Equal(["Wagner", "Russia"], found.Select(m => m.Name));
        Assert.True(found[0].Belligerent);
    }

    [Fact]
    public void A_missing_config_folder_is_named_in_the_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ExtractionConfig.Load(Path.Combine(Path.GetTempPath(), "no-such-watchbot-config")));
        Assert.Contains("gazetteer.json", e.Message);
    }

    [Fact]
    public void A_lexicon_entry_the_matcher_cannot_run_is_named_in_the_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => Lexicon.Parse("escalation", """{ "attackVerbs": ["(?<=x)shelled"] }"""));
        Assert.Contains("attackVerbs", e.Message);
    }

    [Theory]
    [InlineData("Russian-language media reported it.", 0)]
    [InlineData("Armenian-Azerbaijani talks resumed.", 2)]
    [InlineData("Nagorno-Karabakh officials spoke.", 1)]
    public void Compound_adjectives_about_something_else_are_not_actors(string text, int mentions)
    {
        Assert.Equal(mentions, TestSupport.Karabakh.Gazetteer.Find(text).Count);
    }
}

/// <summary>The lists the rules ask about every sentence keep their prefix gate: a list without one is scanned in full each time.</summary>
public class GateTests
{
    [Theory]
    [InlineData("escalation", "attackVerbs")]
    [InlineData("escalation", "attackNouns")]
    [InlineData("escalation", "captureVerbs")]
    [InlineData("escalation", "threatPatterns")]
    [InlineData("escalation", "armedActors")]
    [InlineData("ceasefire", "objects")]
    [InlineData("ceasefire", "inForce")]
    [InlineData("ceasefire", "accordEnd")]
    [InlineData("ceasefire", "agreement")]
    [InlineData("casualties", "killedWords")]
    [InlineData("casualties", "woundedWords")]
    [InlineData("casualties", "displacedWords")]
    [InlineData("casualties", "casualtyWords")]
    [InlineData("casualties", "totalPhrases")]
    [InlineData("speech", "speechVerbs")]
    [InlineData("never-news", "history")]
    [InlineData("never-news", "otherTopics")]
    public void A_list_asked_about_every_sentence_has_a_gate(string file, string list)
    {
        var config = TestSupport.Config;
        var lexicon = file switch
        {
            "escalation" => config.Escalation,
            "ceasefire" => config.Ceasefire,
            "casualties" => config.Casualties,
            "speech" => config.Speech,
            _ => config.NeverNews,
        };
        Assert.NotNull(lexicon[list].GatePrefixes);
    }
}
