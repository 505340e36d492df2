using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class EventQueryTests : StoreTest
{
    private async Task SeedAsync()
    {
        await Store.Events.AddAsync(Samples.Event("k1", "karabakh"), Ct);                                          // seq 1
        await Store.Events.AddAsync(Samples.Event("u1", "ukraine"), Ct);                                           // seq 2
        await Store.Events.AddAsync(Samples.Event("both", "ukraine", "karabakh"), Ct);                             // seq 3
        await Store.Events.AddAsync(Samples.Event("k-pending", "karabakh") with { Status = EventStatus.Pending }, Ct); // seq 4
        Clock.Advance(TimeSpan.FromHours(1));
        await Store.Events.AddAsync(Samples.Event("k2", "karabakh"), Ct);                                          // seq 5
        await Store.Events.AddAsync(Samples.Event("k-rejected", "karabakh") with { Status = EventStatus.Rejected }, Ct); // seq 6
    }

    private async Task<string> SummariesAsync(EventQuery query) =>
        string.Join(",", (await Store.Events.ListAsync(query, Ct)).Select(e => e.Summary));

    [Fact]
    public async Task The_default_query_lists_published_events_oldest_first()
    {
        await SeedAsync();

        Assert.Equal("k1,u1,both,k2", await SummariesAsync(new EventQuery()));
    }

    private static readonly CasualtyClaim Toll = new("Armenia", Population.Military, CasualtyOutcome.Killed, 100, null, CountQualifier.Exact, true, "Armenia");

    private async Task SeedTalliesAsync()
    {
        EventDraft Tally(string summary, int day, params string[] topics) =>
            Samples.Event(summary, topics) with { Date = new DateOnly(2020, 10, 1).AddDays(day), Casualties = [Toll with { Count = 100 + day }],
                Sources = [new EventSource("toll.txt", null, "Toll", null, "The ministry gave its running toll.")] };
        await Store.Events.AddAsync(Tally("k-summer", -70, "karabakh"), Ct);
        await Store.Events.AddAsync(Tally("k1", 0, "karabakh"), Ct);
        await Store.Events.AddAsync(Tally("both", 1, "ukraine", "karabakh"), Ct);
        await Store.Events.AddAsync(Tally("k-pending", 2, "karabakh") with { Status = EventStatus.Pending }, Ct);
        await Store.Events.AddAsync(Tally("k-not-running", 3, "karabakh") with { Casualties = [Toll with { Cumulative = false }] }, Ct);
        await Store.Events.AddAsync(Samples.Event("k-shelling", "karabakh"), Ct);
        await Store.Events.AddAsync(Tally("k2", 4, "karabakh"), Ct);
    }

    [Fact]
    public async Task Tally_history_past_its_limit_reads_a_topics_newest_published_running_tallies_not_its_oldest()
    {
        await SeedTalliesAsync();

        Assert.Equal("k2,both", await SummariesAsync(EventQuery.TallyHistory("karabakh", limit: 2)));
        Assert.Equal("k2,both,k1,k-summer", await SummariesAsync(EventQuery.TallyHistory("karabakh")));
        Assert.Equal(5000, EventQuery.TallyHistory("karabakh").Limit);
    }

    [Fact]
    public async Task Tally_history_for_shown_events_reaches_back_one_period_before_the_earliest_and_leaves_sources_out()
    {
        await SeedTalliesAsync();
        var shown = await Store.Events.ListAsync(new EventQuery { Topic = "karabakh", Ascending = false, Limit = 1 }, Ct);

        var history = await Store.Events.ListAsync(EventQuery.TallyHistory("karabakh", shown), Ct);

        Assert.Equal("k2", Assert.Single(shown).Summary);
        Assert.Equal(["k2", "both", "k1"], history.Select(e => e.Summary));
        Assert.All(history, e => Assert.Empty(e.Sources));
        Assert.NotEmpty(shown[0].Sources);
    }

    /// <summary>Running tolls of several tallies (side, population, outcome, claimant) over three months: what /latest may
    /// compare a shown toll with is read, and nothing else.</summary>
    private async Task<List<WatchEvent>> SeedManyTalliesAsync()
    {
        var day0 = new DateOnly(2021, 3, 1);
        EventDraft Reported(string summary, int day, CasualtyClaim claim) =>
            Samples.Event(summary) with { Kind = EventKind.Casualties, Date = day0.AddDays(day), Casualties = [claim] };
        var north = Toll with { Side = "North", ClaimedBy = "North" };
        var drafts = new[]
        {
            Reported("north-old", -80, north with { Count = 10 }),
            Reported("north-a", -30, north with { Count = 40 }),
            Reported("north-b", -2, north with { Count = 55 }),
            Reported("north-by-south", -2, north with { Count = 70, ClaimedBy = "South" }),
            Reported("south", -3, north with { Side = "South", Count = 30 }),
            Reported("north-wounded", -3, north with { Outcome = CasualtyOutcome.Wounded, Count = 90 }),
            Reported("north-civilians", -3, north with { Population = Population.Civilian, Count = 12 }),
            Reported("north-shouted", -4, north with { Side = "NORTH", ClaimedBy = "north", Count = 50 }),
            Reported("sever-a", -5, north with { Side = "Север", ClaimedBy = "Север", Count = 5 }),
            Reported("sever-b", -1, north with { Side = "СЕВЕР", ClaimedBy = "север", Count = 8 }),
            Reported("north-after", 3, north with { Count = 80 }),
            Reported("north-now", 0, north with { Count = 60 }),
        };
        foreach (var draft in drafts)
        {
            await Store.Events.AddAsync(draft, Ct);
        }

        return [.. await Store.Events.ListAsync(new EventQuery { Ascending = false, Limit = 100 }, Ct)];
    }

    [Fact]
    public async Task Previous_figures_of_shown_tolls_are_the_same_tally_in_the_period_before_them_whatever_the_case_of_its_names()
    {
        var all = await SeedManyTalliesAsync();
        var shown = all.Where(e => e.Summary is "north-now").ToList();

        var previous = await Store.Events.ListAsync(EventQuery.PreviousFigures("karabakh", shown)!, Ct);

        // Not another claimant's, side's, outcome's or population's toll, nor one older than the period, nor one on or
        // after the shown toll's day; "NORTH" is the same name in capitals. Names in another alphabet are let through
        // (the store compares ASCII letters only; the tally book compares them all).
        Assert.Equal(["north-a", "north-b", "north-shouted", "sever-a", "sever-b"], previous.Select(e => e.Summary).Order(StringComparer.Ordinal));
        Assert.All(previous, e => Assert.Empty(e.Sources));
        Assert.Null(EventQuery.PreviousFigures("karabakh", all.Where(e => e.Summary == "north-old").Select(e => e with { Casualties = [] })));
    }

    [Fact]
    public async Task A_tally_book_of_the_previous_figures_gives_each_shown_toll_the_same_earlier_figure_as_the_whole_history()
    {
        var all = await SeedManyTalliesAsync();
        var whole = new TallyBook(await Store.Events.ListAsync(EventQuery.TallyHistory("karabakh"), Ct));

        foreach (var shown in all)
        {
            var narrow = new TallyBook(await Store.Events.ListAsync(EventQuery.PreviousFigures("karabakh", [shown])!, Ct));
            foreach (var claim in shown.Casualties)
            {
                Assert.Equal(whole.Previous(claim, shown.Date, shown.Id), narrow.Previous(claim, shown.Date, shown.Id));
            }
        }
    }

    [Fact]
    public async Task A_topic_matches_events_whose_topic_list_contains_it()
    {
        await SeedAsync();

        Assert.Equal("k1,both,k2", await SummariesAsync(new EventQuery { Topic = "karabakh" }));
        Assert.Equal("u1,both", await SummariesAsync(new EventQuery { Topic = "ukraine" }));
        Assert.Equal("", await SummariesAsync(new EventQuery { Topic = "kara" }));
    }

    [Fact]
    public async Task A_status_filters_and_no_status_lists_them_all()
    {
        await SeedAsync();

        Assert.Equal("k-pending", await SummariesAsync(new EventQuery { Status = EventStatus.Pending }));
        Assert.Equal("k-rejected", await SummariesAsync(new EventQuery { Status = EventStatus.Rejected }));
        Assert.Equal("k1,u1,both,k-pending,k2,k-rejected", await SummariesAsync(new EventQuery { Status = null }));
    }

    [Fact]
    public async Task After_seq_is_a_cursor_that_only_lets_greater_seqs_through()
    {
        await SeedAsync();

        Assert.Equal("both,k2", await SummariesAsync(new EventQuery { AfterSeq = 2 }));
        Assert.Equal("", await SummariesAsync(new EventQuery { AfterSeq = 6, Status = null }));
    }

    [Fact]
    public async Task A_revised_event_moves_past_the_cursor_that_had_seen_it()
    {
        await SeedAsync();
        var cursor = await Store.Events.LastSeqAsync(Ct);
        var k1 = (await Store.Events.ListAsync(new EventQuery(), Ct))[0];

        await Store.Events.ReviseAsync(k1.Id, e => e with { Summary = "k1 revised" }, Ct);

        Assert.Equal("k1 revised", await SummariesAsync(new EventQuery { AfterSeq = cursor }));
    }

    [Fact]
    public async Task Descending_lists_newest_first_and_the_limit_keeps_the_newest()
    {
        await SeedAsync();

        Assert.Equal("k2,both,u1,k1", await SummariesAsync(new EventQuery { Ascending = false }));
        Assert.Equal("k2,both", await SummariesAsync(new EventQuery { Ascending = false, Limit = 2 }));
        Assert.Equal("k1,u1", await SummariesAsync(new EventQuery { Limit = 2 }));
        Assert.Equal("", await SummariesAsync(new EventQuery { Limit = 0 }));
    }

    [Fact]
    public async Task Changed_since_keeps_events_changed_at_or_after_the_time()
    {
        await SeedAsync();

        Assert.Equal("k2", await SummariesAsync(new EventQuery { ChangedSince = Start.AddMinutes(30) }));
        Assert.Equal("k2", await SummariesAsync(new EventQuery { ChangedSince = Start.AddHours(1) }));
        Assert.Equal("k1,u1,both,k2", await SummariesAsync(new EventQuery { ChangedSince = Start }));
    }

    [Fact]
    public async Task Every_field_of_the_query_applies_at_once()
    {
        await SeedAsync();

        var query = new EventQuery
        {
            Topic = "karabakh", Status = EventStatus.Published, AfterSeq = 1, ChangedSince = Start, Ascending = false, Limit = 1,
        };

        Assert.Equal("k2", await SummariesAsync(query));
    }

    [Fact]
    public async Task Listed_events_carry_their_sources()
    {
        await Store.Events.AddAsync(Samples.Event("a") with { Sources = [new EventSource("a1.txt", null, null, null, "a1"), new EventSource("a2.txt", null, null, null, "a2")] }, Ct);
        await Store.Events.AddAsync(Samples.Event("b"), Ct);
        await Store.Events.AddAsync(Samples.Event("c") with { Sources = [new EventSource("c1.txt", null, null, null, "c1")] }, Ct);

        var events = await Store.Events.ListAsync(new EventQuery(), Ct);

        Assert.Equal(["a1", "a2"], events[0].Sources.Select(s => s.Sentence!));
        Assert.Empty(events[1].Sources);
        Assert.Equal(["c1"], events[2].Sources.Select(s => s.Sentence!));
    }

    [Theory]
    [InlineData("2020-10-02", "2020-10-02", "oct1-3")]
    [InlineData("2020-10-04", "2020-10-06", "oct5")]
    [InlineData("2020-09-01", "2020-09-30", "")]
    [InlineData("2020-10-03", "2020-10-05", "oct1-3,oct5")]
    public async Task A_date_window_finds_events_whose_day_or_range_touches_it(string from, string to, string expected)
    {
        await Store.Events.AddAsync(Samples.Event("oct1-3") with { Date = new DateOnly(2020, 10, 1), DateEnd = new DateOnly(2020, 10, 3) }, Ct);
        await Store.Events.AddAsync(Samples.Event("oct5") with { Date = new DateOnly(2020, 10, 5) }, Ct);

        Assert.Equal(expected, await SummariesAsync(new EventQuery { DateFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTo = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) }));
    }
}
