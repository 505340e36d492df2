using Watchbot.Core.Events;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Tests;

public class NumberReaderTests
{
    [Theory]
    [InlineData("four soldiers", 4, null, CountQualifier.Exact)]
    [InlineData("nearly 100 people", 100, null, CountQualifier.About)]
    [InlineData("at least seven civilians", 7, null, CountQualifier.AtLeast)]
    [InlineData("over 2,000 fighters", 2000, null, CountQualifier.MoreThan)]
    [InlineData("more than 50 residents", 50, null, CountQualifier.MoreThan)]
    [InlineData("some 40,000 to 45,000 people", 40000, 45000L, CountQualifier.About)]
    [InlineData("between 12 and 15 villagers", 12, 15L, CountQualifier.About)]
    [InlineData("dozens of soldiers", 24, null, CountQualifier.AtLeast)]
    [InlineData("hundreds of troops", 200, null, CountQualifier.AtLeast)]
    [InlineData("thousands of families", 2000, null, CountQualifier.AtLeast)]
    [InlineData("tens of thousands of people", 20000, null, CountQualifier.AtLeast)]
    [InlineData("up to 30 wounded", 30, null, CountQualifier.UpTo)]
    [InlineData("twenty-three servicemen", 23, null, CountQualifier.Exact)]
    [InlineData("two hundred people", 200, null, CountQualifier.Exact)]
    [InlineData("1.5 million people", 1500000, null, CountQualifier.Exact)]
    [InlineData("a dozen houses", 12, null, CountQualifier.Exact)]
    [InlineData("roughly 3,500 evacuees", 3500, null, CountQualifier.About)]
    [InlineData("no fewer than 9 medics", 9, null, CountQualifier.AtLeast)]
    public void Numbers_are_read_with_their_qualifier_and_range(string text, long value, long? high, CountQualifier qualifier)
    {
        var n = Assert.Single(NumberReader.Read(text));
        Assert.Equal(value, n.Value);
        Assert.Equal(high, n.High);
        Assert.Equal(qualifier, n.Qualifier);
    }

    [Theory]
    [InlineData("the war of 1992", true)]
    [InlineData("in 2016 the clashes", true)]
    [InlineData("2,016 soldiers", false)]
    [InlineData("1988-1994", true)]
    public void Years_are_recognised_as_years(string text, bool year)
    {
        Assert.Equal(year, NumberReader.Read(text)[0].LooksLikeYear);
    }

    [Theory]
    [InlineData("the plan has no numbers")]
    [InlineData("someone said something")]
    [InlineData("")]
    public void Text_without_numbers_yields_none(string text)
    {
        Assert.Empty(NumberReader.Read(text));
    }
}
