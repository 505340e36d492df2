using Watchbot.Core.Events;
using Watchbot.Web.Pages;
using Watchbot.Web.SignIn;

namespace Watchbot.Web.Tests;

public sealed class TokenAndChartTests
{
    [Fact]
    public void A_link_signed_with_another_key_or_altered_is_not_read()
    {
        var mine = new SignInTokens(() => "http://127.0.0.1:8080");
        var theirs = new SignInTokens(() => "http://127.0.0.1:8080");
        var now = DateTimeOffset.UtcNow;
        var token = mine.Token("telegram:2", now);

        var claim = mine.Read(token);
        Assert.Equal("telegram:2", claim!.ActorKey);
        Assert.Equal(now.AddMinutes(10).ToUnixTimeSeconds(), claim.ExpiresAt.ToUnixTimeSeconds());
        Assert.Null(theirs.Read(token));
        var forgedActor = Convert.ToBase64String("telegram:1|9999999999|00"u8.ToArray()).TrimEnd('=') + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Null(mine.Read(forgedActor));
        Assert.Null(mine.Read("not a token"));
        Assert.StartsWith("http://127.0.0.1:8080/signin?token=", mine.Issue("telegram:2", now), StringComparison.Ordinal);
    }

    [Fact]
    public void The_tally_chart_draws_one_line_per_side_population_outcome_and_claimant_from_published_cumulative_figures()
    {
        WatchEvent Toll(long id, int day, int count, string claimant, bool cumulative = true, EventStatus status = EventStatus.Published) => new()
        {
            Id = id, Seq = id, Kind = EventKind.Casualties, Status = status, Date = new DateOnly(2020, 10, day), Summary = "toll",
            Casualties = [new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, count, null, CountQualifier.Exact, cumulative, claimant)],
            CreatedAt = DateTimeOffset.UnixEpoch, ChangedAt = DateTimeOffset.UnixEpoch,
        };

        var series = TallyChart.Series(
        [
            Toll(1, 1, 100, "Armenia"), Toll(2, 3, 140, "Armenia"), Toll(3, 2, 900, "Azerbaijan"),
            Toll(4, 4, 5, "Armenia", cumulative: false), Toll(5, 5, 999, "Armenia", status: EventStatus.Pending),
        ]);

        Assert.Equal(["Armenia military killed, per Azerbaijan", "Armenia military killed, per Armenia"], series.Select(s => s.Label));
        Assert.Equal([100, 140], series[1].Points.Select(p => p.Count));
        var svg = TallyChart.Svg(series);
        Assert.Equal(2, svg.Split("<polyline").Length - 1);
        Assert.Contains("Armenia military killed, per Armenia: 140 on 2020-10-03 (event #2)", svg, StringComparison.Ordinal);
        Assert.Contains("No running casualty tallies", TallyChart.Section([]), StringComparison.Ordinal);

        var withDisplaced = TallyChart.Series(
        [
            Toll(1, 1, 100, "Armenia"),
            Toll(2, 2, 0, "Armenia") with { Casualties = [new CasualtyClaim("Armenia", Population.Civilian, CasualtyOutcome.Displaced, 90_000, null, CountQualifier.About, true, "Armenia")] },
        ]);
        var section = TallyChart.Section(withDisplaced);
        Assert.Equal(2, section.Split("<svg").Length - 1);
        Assert.Contains("<b>Displaced</b>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_reason_names_the_rule_that_held_the_event_back()
    {
        var today = new DateOnly(2026, 12, 7);
        WatchEvent Event(DateOnly date, double confidence) => new()
        {
            Id = 1, Seq = 1, Kind = EventKind.Escalation, Status = EventStatus.Pending, Date = date, Summary = "x", Confidence = confidence,
            CreatedAt = DateTimeOffset.UnixEpoch, ChangedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.StartsWith("Dated 2026-12-20, after tomorrow", ReviewReason.Of(Event(new DateOnly(2026, 12, 20), 1), 0.5, today), StringComparison.Ordinal);
        Assert.StartsWith("Confidence 0.30, below the review threshold 0.50", ReviewReason.Of(Event(today, 0.3), 0.5, today), StringComparison.Ordinal);
        Assert.StartsWith("Its article gave no date", ReviewReason.Of(Event(today, 0.9), 0.5, today), StringComparison.Ordinal);
    }
}
