using Watchbot.Core.Commands.Admin;
using Watchbot.Core.Events;

namespace Watchbot.Core.Tests;

public sealed class EventFieldsTests
{
    [Fact]
    public void Each_field_is_set_from_its_text()
    {
        var (e, problem) = EventFields.Apply(Samples.Event(), ["summary=Strike on a bridge", "kind=ceasefire", "date=2020-10-10", "severity=5",
            "places=Ganja,Barda", "actors=Azerbaijan", "topics=karabakh,caucasus", "stance=violation", "claimedby=Armenia"]);

        Assert.Null(problem);
        Assert.Equal("Strike on a bridge", e!.Summary);
        Assert.Equal(EventKind.Ceasefire, e.Kind);
        Assert.Equal(new DateOnly(2020, 10, 10), e.Date);
        Assert.Equal(5, e.Severity);
        Assert.Equal(["Ganja", "Barda"], e.Places);
        Assert.Equal(["karabakh", "caucasus"], e.Topics);
        Assert.Equal(CeasefireStance.Violation, e.Stance);
        Assert.Equal("Armenia", e.ClaimedBy);
    }

    [Theory]
    [InlineData("severity=6")]
    [InlineData("date=10/10/2020")]
    [InlineData("kind=riot")]
    [InlineData("stance=maybe")]
    [InlineData("topics=Not A Topic")]
    [InlineData("colour=red")]
    [InlineData("summary")]
    public void A_bad_field_is_refused_and_nothing_changes(string assignment)
    {
        var (e, problem) = EventFields.Apply(Samples.Event(), [assignment]);

        Assert.Null(e);
        Assert.NotNull(problem);
    }
}
