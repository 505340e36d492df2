using Watchbot.Core.Events;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Tests;

public class DateResolverTests
{
    // 2020-10-07 is a Wednesday.
    [Theory]
    [InlineData("Troops advanced yesterday.", "2020-10-06", null, DatePrecision.Day)]
    [InlineData("The town was hit on Tuesday.", "2020-10-06", null, DatePrecision.Day)]
    [InlineData("The town was hit on Wednesday.", "2020-10-07", null, DatePrecision.Day)]
    [InlineData("Shelling began last Sunday.", "2020-10-04", null, DatePrecision.Day)]
    [InlineData("Sirens sounded on Friday night.", "2020-10-02", null, DatePrecision.Day)]
    [InlineData("The minister said Monday that talks would go on.", "2020-10-05", null, DatePrecision.Day)]
    [InlineData("Fighting went on last weekend.", "2020-10-03", "2020-10-04", DatePrecision.Range)]
    [InlineData("Drones struck on October 2.", "2020-10-02", null, DatePrecision.Day)]
    [InlineData("Drones struck on 2 October.", "2020-10-02", null, DatePrecision.Day)]
    [InlineData("Talks collapsed on Sept. 25, officials said.", "2020-09-25", null, DatePrecision.Day)]
    [InlineData("It was signed on October 19th, 2019.", "2019-10-19", null, DatePrecision.Day)]
    [InlineData("The report is dated 2020-09-30.", "2020-09-30", null, DatePrecision.Day)]
    [InlineData("The report is dated 02.10.2020.", "2020-10-02", null, DatePrecision.Day)]
    [InlineData("Villages emptied since last Sunday.", "2020-10-04", "2020-10-07", DatePrecision.Range)]
    [InlineData("Civilians died since the fighting began.", "2020-10-07", "2020-10-07", DatePrecision.Range)]
    [InlineData("Shells fell last week.", "2020-09-28", "2020-10-04", DatePrecision.Week)]
    [InlineData("Prices rose in September 2020.", "2020-09-01", "2020-09-30", DatePrecision.Month)]
    [InlineData("Clashes in May killed three.", "2020-05-01", "2020-05-31", DatePrecision.Month)]
    [InlineData("A blockade began in mid-December.", "2019-12-11", "2019-12-20", DatePrecision.Month)]
    [InlineData("Shelling resumed in early October.", "2020-10-01", "2020-10-07", DatePrecision.Month)]
    [InlineData("Fighting flared in late September.", "2020-09-21", "2020-09-30", DatePrecision.Month)]
    [InlineData("The number of refugees doubled in 2019 alone.", "2019-01-01", "2019-12-31", DatePrecision.Range)]
    public void Dates_are_resolved_against_the_publication_date(string text, string start, string? end, DatePrecision precision)
    {
        var d = DateResolver.Find(text, TestSupport.Day("2020-10-07"))[0];
        Assert.Equal(TestSupport.Day(start), d.Date);
        Assert.Equal(end is null ? null : TestSupport.Day(end), d.DateEnd);
        Assert.Equal(precision, d.Precision);
    }

    [Fact]
    public void A_month_and_day_later_than_the_publication_date_belongs_to_the_year_before()
    {
        var d = DateResolver.Find("The clashes of December 20 were the worst.", TestSupport.Day("2021-01-05"))[0];
        Assert.Equal(TestSupport.Day("2020-12-20"), d.Date);
    }

    [Theory]
    [InlineData("2020-10-04", "2020-10-03", false)]
    [InlineData("2020-10-05", "2020-10-03", false)]
    [InlineData("2020-10-07", "2020-10-10", true)]
    public void This_weekend_is_the_one_just_past_early_in_the_week_and_the_coming_one_later(string published, string saturday, bool future)
    {
        var d = DateResolver.Find("Both sides shelled towns this weekend.", TestSupport.Day(published))[0];
        Assert.Equal(TestSupport.Day(saturday), d.Date);
        Assert.Equal(future, d.Future);
    }

    [Fact]
    public void Next_weekday_is_marked_as_future()
    {
        Assert.True(DateResolver.Find("Talks resume next Monday.", TestSupport.Day("2020-10-07"))[0].Future);
    }

    [Theory]
    [InlineData("The may be a problem.")]
    [InlineData("There were 31 October casualties.")]
    [InlineData("Nothing about time here.")]
    public void Text_without_a_date_has_none_or_no_day_date(string text)
    {
        Assert.DoesNotContain(DateResolver.Find(text, TestSupport.Day("2020-10-07")), d => d.Precision == DatePrecision.Day && d.Date.Month == 5);
    }

    [Theory]
    [InlineData("He may resign in the coming days.")]
    [InlineData("May is the month of the harvest.")]
    public void The_modal_may_and_a_month_opening_a_sentence_are_not_dates(string text)
    {
        Assert.Empty(DateResolver.Find(text, TestSupport.Day("2020-10-07")));
    }
}
