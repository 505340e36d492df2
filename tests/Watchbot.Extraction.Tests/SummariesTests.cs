using Watchbot.Core.Events;
using Watchbot.Extraction.Frames;

namespace Watchbot.Extraction.Tests;

public sealed class SummariesTests
{
    [Theory]
    [InlineData("Azerbaijan", Population.Civilian, CasualtyOutcome.Killed, 3, CountQualifier.Exact, false, "Azerbaijan", "3 civilians killed on the Azerbaijan side, per Azerbaijan")]
    [InlineData("Artsakh", Population.Military, CasualtyOutcome.Killed, 559, CountQualifier.Exact, true, "Artsakh", "559 soldiers killed on the Artsakh side (total), per Artsakh")]
    [InlineData("unknown", Population.Unknown, CasualtyOutcome.Wounded, 12, CountQualifier.AtLeast, false, "unknown", "at least 12 people wounded")]
    [InlineData("Armenia", Population.Unknown, CasualtyOutcome.Killed, 1, CountQualifier.Exact, false, "Armenia", "1 person killed on the Armenia side, per Armenia")]
    [InlineData("both", Population.Civilian, CasualtyOutcome.Casualties, 40, CountQualifier.About, false, "unknown", "about 40 civilian casualties on both sides")]
    public void A_figure_summary_is_grammatical_english(string side, Population population, CasualtyOutcome outcome, int count, CountQualifier qualifier, bool total, string claimant, string expected)
    {
        var claim = new CasualtyClaim(side, population, outcome, count, null, qualifier, total, claimant);

        Assert.Equal(expected, Summaries.Casualty(claim));
    }

    [Fact]
    public void A_rejection_says_what_was_rejected_and_nothing_about_restraint()
    {
        var summary = Summaries.Ceasefire("Azerbaijan", CeasefireStance.Rejection);

        Assert.Equal("Azerbaijan rejects a ceasefire or peace talks, or ends an accord", summary);
    }
}
