using Watchbot.Core.Events;
using Watchbot.Extraction.Evaluation;

namespace Watchbot.Extraction.Tests;

/// <summary>The rules of score_extraction.py, one table each; every row is a case the script decides the same way.</summary>
public class ScoringRulesTests
{
    [Theory]
    [InlineData(12, null, 12, null, true)]     // the same count
    [InlineData(12, null, 13, null, false)]    // another count
    [InlineData(12, null, 10, 15, true)]       // a range that holds it
    [InlineData(12, null, 13, 15, false)]      // a range above it
    [InlineData(12, null, 12, 15, true)]       // the same low end, whatever the range
    [InlineData(70, 75.0, 70, 75, true)]       // the same range
    [InlineData(70, 75.0, 75, null, true)]     // the gold's upper bound
    [InlineData(70, 75.0, 70, null, true)]     // the low end alone
    [InlineData(0, 0.0, 0, 3, true)]           // zero in a range from zero
    public void A_count_matches_as_the_script_counts_it(double goldCount, double? goldHigh, int count, int? high, bool expected)
        => Assert.Equal(expected, ScoringRules.CountOk(goldCount, goldHigh, count, high));

    [Fact]
    public void A_range_that_holds_the_gold_count_matches_even_with_another_upper_bound()
    {
        Assert.True(ScoringRules.CountOk(70, 75, 70, 80));
        Assert.False(ScoringRules.CountOk(70, 75, 71, 80));
        Assert.True(ScoringRules.CountOk(70, 75, 60, 80));
    }

    [Theory]
    [InlineData("killed", "killed", true)]
    [InlineData("killed", "casualties", true)]
    [InlineData("deaths", "dead", true)]
    [InlineData("Killed", "KILLED", true)]
    [InlineData("killed", "wounded", false)]
    [InlineData("wounded", "casualties", false)]
    [InlineData("displaced", "displaced", true)]
    [InlineData(null, "", true)]
    [InlineData(null, "killed", false)]
    public void Outcomes_match_when_equal_or_both_a_kind_of_dead(string? gold, string? extracted, bool expected) =>
        Assert.Equal(expected, ScoringRules.OutcomeOk(gold, extracted));

    [Theory]
    [InlineData("2021-03-04", "2021-03-04", null, true)]
    [InlineData("2021-03-04", "2021-03-05", null, false)]
    [InlineData("2021-03-04", "2021-03-04", "2021-03-06", false)]           // a day wants no later end
    [InlineData("2021-03-04/2021-03-08", "2021-03-05", null, true)]
    [InlineData("2021-03-04/2021-03-08", "2021-03-04", "2021-03-08", true)]
    [InlineData("2021-03-04/2021-03-08", "2021-03-05", "2021-03-09", false)] // ends after the range
    [InlineData("2021-03-04/2021-03-08", "2021-03-03", null, false)]          // starts before it
    [InlineData("2021-03-04/2021-03-04", "2021-03-04", null, true)]           // a range of one day is a day
    [InlineData("2021-03-04T10:00:00", "2021-03-04", null, true)]             // only the first ten characters count
    [InlineData("sometime in March", "2021-03-04", null, false)]
    public void Dates_are_right_on_the_gold_day_or_inside_the_gold_range(string gold, string date, string? end, bool expected) =>
        Assert.Equal(expected, ScoringRules.DateOk(gold, TestSupport.Day(date), end is null ? null : TestSupport.Day(end)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_gold_item_without_a_date_is_not_counted_for_dates(string? gold) =>
        Assert.Null(ScoringRules.DateOk(gold, TestSupport.Day("2021-03-04"), null));

    [Theory]
    [InlineData("sahel", new[] { "sahel" }, true)]
    [InlineData("sahel", new[] { "karabakh" }, false)]
    [InlineData("sahel", new[] { "karabakh", "sahel" }, true)]
    [InlineData("none", new[] { "karabakh" }, true)]    // a distractor's event reaches someone whatever its topic
    [InlineData("other", new[] { "sahel" }, true)]
    [InlineData("none", new string[0], false)]           // ... but only with a topic
    [InlineData(null, new[] { "karabakh" }, false)]     // an article the gold gives no topic reaches no one
    public void By_file_topic_an_event_counts_when_it_carries_its_articles_topic(string? fileTopic, string[] topics, bool expected)
    {
        var topicOfFile = new Dictionary<string, string?> { ["a.txt"] = fileTopic };
        Assert.Equal(expected, EventFilter.ByArticleTopic.Keeps(topics, ["a.txt"], topicOfFile));
    }

    [Fact]
    public void A_named_topic_or_no_filter_ignores_the_articles_topic()
    {
        var topicOfFile = new Dictionary<string, string?> { ["a.txt"] = "sahel" };
        Assert.True(EventFilter.OnlyTopic("karabakh").Keeps(["karabakh"], ["a.txt"], topicOfFile));
        Assert.False(EventFilter.OnlyTopic("karabakh").Keeps(["sahel"], ["a.txt"], topicOfFile));
        Assert.True(EventFilter.All.Keeps([], ["a.txt"], topicOfFile));
    }

    [Theory]
    [InlineData("Armenia", true)]
    [InlineData("Mali", true)]
    [InlineData("unknown", false)]
    [InlineData("both", false)]
    [InlineData("regional", false)]
    [InlineData(null, false)]
    public void A_side_is_checked_only_when_the_gold_names_one_belligerent(string? goldSide, bool expected) =>
        Assert.Equal(expected, ScoringRules.SideChecked(goldSide));

    [Theory]
    [InlineData("Artsakh", "Nagorno-Karabakh")]
    [InlineData("artsakh", " Karabakh ")]
    [InlineData("Burkina Faso", "burkina faso")]
    public void Sides_compare_trimmed_lower_cased_and_with_karabakh_as_artsakh(string a, string b) =>
        Assert.Equal(ScoringRules.NormalizeSide(a), ScoringRules.NormalizeSide(b));

    [Theory]
    [InlineData("Ministry of Defence of Atlantis", true)]
    [InlineData("combined count of both ministries", false)]
    [InlineData("running tally by the outlet", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_claimant_is_checked_unless_absent_or_a_combined_tally(string? goldClaimant, bool expected) =>
        Assert.Equal(expected, ScoringRules.ClaimantChecked(goldClaimant));

    [Theory]
    [InlineData("Ministry of Defence of Atlantis", "Atlantis", true)]               // part of the gold claimant
    [InlineData("Ministry of Defence of Atlantis", "ministry of defence", true)]
    [InlineData("Nagorno-Karabakh", "Artsakh", true)]                              // the same after the side map
    [InlineData("Ministry of Defence of Atlantis", "Lemuria", false)]
    [InlineData("Ministry of Defence of Atlantis", "unknown", false)]               // "unknown" is never right
    [InlineData("Ministry of Defence of Atlantis", "", false)]
    [InlineData("Ministry of Defence of Atlantis", null, false)]
    [InlineData("unknown source", "unknown", false)]
    public void A_claimant_is_right_when_named_and_part_of_the_gold_claimant(string gold, string? extracted, bool expected) =>
        Assert.Equal(expected, ScoringRules.ClaimantRight(gold, extracted));

    [Fact]
    public void The_claimant_of_a_figure_is_its_own_else_its_events()
    {
        var e = new EventDraft { Kind = EventKind.Casualties, Date = TestSupport.Day("2021-03-04"), Summary = "s", ClaimedBy = "Atlantis" };
        Assert.Equal("Atlantis", ScoringRules.ClaimantOf(Claim(claimedBy: ""), e));
        Assert.Equal("Lemuria", ScoringRules.ClaimantOf(Claim(claimedBy: "Lemuria"), e));
    }

    [Theory]
    [InlineData("civilian", "civilian", true)]
    [InlineData("civilian", "military", false)]
    [InlineData("unknown", "military", true)]   // the gold does not know: anything goes
    [InlineData("civilian", "unknown", false)]
    public void A_population_is_right_when_equal_or_the_gold_does_not_know(string gold, string extracted, bool expected) =>
        Assert.Equal(expected, ScoringRules.PopulationRight(gold, extracted));

    [Fact]
    public void Files_are_the_base_names_of_the_sources_and_text_is_summary_and_sentences_collapsed_and_lower_cased()
    {
        var e = new EventDraft
        {
            Kind = EventKind.Escalation,
            Date = TestSupport.Day("2021-03-04"),
            Summary = "Shelling  near\tthe Dam",
            Sources = [new EventSource("news/today/a.txt", null, null, null, "Guns\nfired AT dawn."), new EventSource(null, "https://x", null, null, null)],
        };
        Assert.Equal(["a.txt"], ScoringRules.FilesOf(e));
        Assert.Equal("shelling near the dam guns fired at dawn. ", ScoringRules.TextOf(e));
    }

    [Theory]
    [InlineData(0.125, "0.12")]   // exactly half: to even, as Python does (.NET's F2 gives 0.13)
    [InlineData(0.375, "0.38")]
    [InlineData(0.135, "0.14")]   // just above half in binary
    [InlineData(0.015, "0.01")]   // just below half in binary
    [InlineData(2.0 / 3, "0.67")]
    [InlineData(0.675, "0.68")]
    [InlineData(1.0, "1.00")]
    [InlineData(0.0, "0.00")]
    public void Figures_print_as_python_prints_them_with_two_decimals(double x, string expected) =>
        Assert.Equal(expected, PyText.Fixed2(x));

    [Fact]
    public void Cue_lists_print_as_python_prints_a_list_of_strings() =>
        Assert.Equal("['dam', \"rebels' base\", 'a\\'b\"c']", PyText.List(["dam", "rebels' base", "a'b\"c"]));

    private static CasualtyClaim Claim(string claimedBy) =>
        new("Atlantis", Population.Civilian, CasualtyOutcome.Killed, 3, null, CountQualifier.Exact, false, claimedBy);
}
