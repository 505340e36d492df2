using Watchbot.Core.Digests;
using Watchbot.Core.Events;

namespace Watchbot.Core.Tests;

public sealed class DigestChartTests
{
    private static readonly DateOnly Today = new(2020, 10, 10);

    private static CasualtyClaim Claim(CasualtyOutcome outcome, int count, string side = "Armenia", string claimedBy = "Artsakh officials", bool cumulative = true) =>
        new(side, Population.Military, outcome, count, null, CountQualifier.Exact, cumulative, claimedBy);

    private static WatchEvent Tally(long id, int daysAgo, params CasualtyClaim[] claims) =>
        Samples.Event(id, EventKind.Casualties, date: Today.AddDays(-daysAgo), casualties: claims);

    [Fact]
    public void There_is_nothing_to_draw_without_a_running_tally_in_the_last_30_days()
    {
        WatchEvent[] events =
        [
            Samples.Event(1),
            Tally(2, 30, Claim(CasualtyOutcome.Killed, 12)),
            Tally(3, 1, Claim(CasualtyOutcome.Killed, 5, cumulative: false)),
            Tally(4, 1, Claim(CasualtyOutcome.Displaced, 5000)),
        ];

        Assert.Null(DigestChart.For("karabakh", events, Today));
    }

    [Fact]
    public void The_chart_draws_killed_and_wounded_of_the_last_30_days_one_line_per_side_and_claimant()
    {
        WatchEvent[] events =
        [
            Tally(1, 29, Claim(CasualtyOutcome.Killed, 10)),
            Tally(2, 5, Claim(CasualtyOutcome.Killed, 40), Claim(CasualtyOutcome.Wounded, 90)),
            Tally(3, 0, Claim(CasualtyOutcome.Killed, 104), Claim(CasualtyOutcome.Killed, 60, "Armenia", "Azerbaijan")),
            Tally(4, 2, Claim(CasualtyOutcome.Captured, 3)),
            Tally(5, 40, Claim(CasualtyOutcome.Killed, 2)),
        ];

        var chart = DigestChart.For("karabakh", events, Today)!;

        Assert.Equal(Today.AddDays(-29), chart.From);
        Assert.Equal(Today, chart.To);
        Assert.Equal(
            ["Armenia military killed, per Artsakh officials", "Armenia military wounded, per Artsakh officials", "Armenia military killed, per Azerbaijan"],
            chart.Series.Select(s => s.Label));
        Assert.Equal([10, 40, 104], chart.Series[0].Points.Select(p => p.Count));
    }

    [Fact]
    public void The_days_change_is_the_rise_since_the_last_figure_before_the_day_and_none_on_a_day_without_a_figure_or_before_the_first()
    {
        var chart = DigestChart.For("karabakh",
            [Tally(1, 5, Claim(CasualtyOutcome.Killed, 40), Claim(CasualtyOutcome.Wounded, 90)), Tally(2, 0, Claim(CasualtyOutcome.Killed, 104))], Today)!;

        var killed = chart.Series.Single(s => s.Key.Outcome == CasualtyOutcome.Killed);
        var wounded = chart.Series.Single(s => s.Key.Outcome == CasualtyOutcome.Wounded);
        Assert.Equal(64, killed.ChangeOn(Today));
        Assert.Null(wounded.ChangeOn(Today));
        Assert.Null(killed.ChangeOn(Today.AddDays(-5)));
        Assert.Contains("+64 Armenia military killed, per Artsakh officials", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_pages_tally_chart_and_the_digests_chart_read_the_same_series()
    {
        WatchEvent[] events = [Tally(1, 5, Claim(CasualtyOutcome.Killed, 40)), Tally(2, 0, Claim(CasualtyOutcome.Killed, 104))];

        var book = new TallyBook(events);
        var series = Assert.Single(TallySeries.Of(events));

        Assert.Equal(book.History(Claim(CasualtyOutcome.Killed, 1)), series.Points);
    }
}
