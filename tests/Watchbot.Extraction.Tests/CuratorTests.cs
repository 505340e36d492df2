using Watchbot.Core.Events;
using Watchbot.Extraction.Curation;

namespace Watchbot.Extraction.Tests;

public class CuratorTests
{
    private static EventDraft Draft(EventKind kind, string date, string file, IReadOnlyList<string>? places = null, IReadOnlyList<string>? actors = null,
        CasualtyClaim? claim = null, CeasefireStance? stance = null, string? claimedBy = null, double confidence = 0.7) => new()
    {
        Kind = kind,
        Date = TestSupport.Day(date),
        Summary = "s",
        Places = places ?? [],
        Actors = actors ?? [],
        Casualties = claim is null ? [] : [claim],
        Stance = stance,
        ClaimedBy = claimedBy,
        Confidence = confidence,
        Sources = [new EventSource(file, null, "t", TestSupport.Day(date), "sentence in " + file)],
    };

    private static readonly CasualtyClaim Twelve = new("Azerbaijan", Population.Civilian, CasualtyOutcome.Killed, 12, null, CountQualifier.Exact, false, "Azerbaijan");

    [Theory]
    [InlineData(EventKind.Escalation, "2020-10-05", "2020-10-06", "Ganja", "Ganja", true)]
    [InlineData(EventKind.Escalation, "2020-10-05", "2020-10-08", "Ganja", "Ganja", false)]
    [InlineData(EventKind.Escalation, "2020-10-05", "2020-10-05", "Ganja", "Barda", false)]
    public void Escalations_merge_on_the_same_place_within_a_day(EventKind kind, string d1, string d2, string p1, string p2, bool merged)
    {
        var result = Curator.Merge([Draft(kind, d1, "a.txt", [p1], ["Armenia"])], [Draft(kind, d2, "b.txt", [p2], ["Armenia"])]);
        Assert.Equal(merged ? 1 : 2, result.Count);
    }

    [Fact]
    public void The_same_figure_from_two_articles_becomes_one_event_with_two_sources_and_more_confidence()
    {
        var result = Curator.Merge([Draft(EventKind.Casualties, "2020-10-05", "a.txt", claim: Twelve)], [Draft(EventKind.Casualties, "2020-10-05", "b.txt", claim: Twelve)]);
        var e = Assert.Single(result);
        Assert.Equal(2, e.Sources.Count);
        Assert.True(e.Confidence > 0.7);
    }

    [Fact]
    public void Different_figures_stay_apart()
    {
        var other = Twelve with { Count = 13 };
        Assert.Equal(2, Curator.Merge([Draft(EventKind.Casualties, "2020-10-05", "a.txt", claim: Twelve)], [Draft(EventKind.Casualties, "2020-10-05", "b.txt", claim: other)]).Count);
    }

    [Theory]
    [InlineData(CeasefireStance.Call, "Russia", CeasefireStance.Call, "Russia", 1)]
    [InlineData(CeasefireStance.Call, "Russia", CeasefireStance.Call, "France", 2)]
    [InlineData(CeasefireStance.Call, "Russia", CeasefireStance.Rejection, "Russia", 2)]
    public void Ceasefire_statements_merge_on_stance_and_speaker(CeasefireStance s1, string a1, CeasefireStance s2, string a2, int count)
    {
        var result = Curator.Merge(
            [Draft(EventKind.Ceasefire, "2020-10-05", "a.txt", stance: s1, claimedBy: a1)],
            [Draft(EventKind.Ceasefire, "2020-10-05", "b.txt", stance: s2, claimedBy: a2)]);
        Assert.Equal(count, result.Count);
    }

    [Fact]
    public void Events_below_the_review_threshold_wait_as_pending()
    {
        var result = Curator.ApplyReview([Draft(EventKind.Escalation, "2020-10-05", "a.txt", confidence: 0.4), Draft(EventKind.Escalation, "2020-10-05", "b.txt", confidence: 0.9)], 0.5);
        Assert.Equal([EventStatus.Pending, EventStatus.Published], result.Select(e => e.Status).ToArray());
    }

    [Fact]
    public void Everything_read_from_an_article_without_a_date_of_its_own_waits_for_review()
    {
        var result = Curator.ApplyReview([Draft(EventKind.Escalation, "2020-10-05", "a.txt", confidence: 0.9)], 0.5, dated: false);
        Assert.Equal(EventStatus.Pending, Assert.Single(result).Status);
    }
}
