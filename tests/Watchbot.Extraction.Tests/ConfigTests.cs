using Watchbot.Extraction.Config;

namespace Watchbot.Extraction.Tests;

public class ConfigTests
{
    [Fact]
    public void The_repository_config_loads_and_names_the_gazetteer_places()
    {
        var config = ExtractionConfig.Load(TestSupport.ConfigDirectory);
        Assert.Contains(config.Gazetteer.Find("Shelling hit Khankendi and Shusha."), m => m.Name == "Stepanakert");
        Assert.Contains(config.Gazetteer.Find("Shelling hit Khankendi and Shusha."), m => m.Name == "Shushi");
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
    [InlineData("Nagorno-Karabakh officials spoke.", 2)]
    public void Compound_adjectives_about_something_else_are_not_actors(string text, int mentions)
    {
        Assert.Equal(mentions, TestSupport.Config.Gazetteer.Find(text).Count);
    }
}
