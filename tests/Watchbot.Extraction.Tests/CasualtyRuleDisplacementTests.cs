using Watchbot.Core.Events;

namespace Watchbot.Extraction.Tests;

public class CasualtyRuleDisplacementTests
{
    [Theory]
    [InlineData("Karabakh's ombudsman said some 60,000 to 65,000 people have been displaced.", 60000, 65000)]
    [InlineData("About 12,000 residents fled Barda last week, Azerbaijani officials said.", 12000, null)]
    [InlineData("Thousands of families have been evacuated from Stepanakert.", 2000, null)]
    [InlineData("In Goris, the UN refugee agency registered 5,000 new arrivals from Karabakh since Friday.", 5000, null)]
    public void Displacement_figures_become_displacement_items(string sentence, int count, int? high)
    {
        var item = Assert.Single(TestSupport.Items(sentence, EventKind.Displacement));
        Assert.Equal(count, item.Claim!.Count);
        Assert.Equal(high, item.Claim.CountHigh);
        Assert.Equal(CasualtyOutcome.Displaced, item.Claim.Outcome);
    }

    [Theory]
    [InlineData("The 1990s war displaced about 700,000 people.")]
    [InlineData("Many people have fled, aid workers said.")]
    [InlineData("Armenia's government says it has housed about 40,000 of the refugees from Karabakh.")]
    public void Old_or_countless_displacement_is_not_a_figure(string sentence)
    {
        Assert.Empty(TestSupport.Items(sentence, EventKind.Displacement));
    }
}
