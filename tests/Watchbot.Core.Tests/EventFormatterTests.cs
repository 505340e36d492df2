using Watchbot.Core.Digests;
using Watchbot.Core.Events;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Tests;

public sealed class EventFormatterTests
{
    [Fact]
    public void An_item_shows_date_place_summary_and_id()
    {
        var e = Samples.Event(7, places: ["Stepanakert"], summary: "Rockets hit the city centre.");

        var item = EventFormatter.Format(e);

        Assert.Equal("[4 Oct 2020] Stepanakert: Rockets hit the city centre #7", item.Text);
    }

    [Fact]
    public void A_cumulative_figure_shows_its_change_since_the_last_figure_of_the_same_tally()
    {
        var earlier = Samples.Event(1, EventKind.Casualties, date: new DateOnly(2020, 9, 28), casualties:
            [new CasualtyClaim("Artsakh", Population.Military, CasualtyOutcome.Killed, 59, null, CountQualifier.Exact, true, "Artsakh officials")]);
        var later = Samples.Event(2, EventKind.Casualties, date: new DateOnly(2020, 10, 4), summary: "The defence army updated its toll", casualties:
            [new CasualtyClaim("Artsakh", Population.Military, CasualtyOutcome.Killed, 104, null, CountQualifier.Exact, true, "Artsakh officials")]);
        var book = new TallyBook([earlier, later]);

        var item = EventFormatter.Format(later, book);

        Assert.Contains("104 soldiers killed on the Artsakh side, +45 since 28 Sep, per Artsakh officials", item.Text);
    }

    [Fact]
    public void A_claim_about_the_other_sides_losses_is_labelled_as_such()
    {
        var e = Samples.Event(3, EventKind.Casualties, casualties:
            [new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, 2300, null, CountQualifier.About, true, "Azerbaijan")]);

        var item = EventFormatter.Format(e);

        Assert.Contains("about 2,300 soldiers killed on the Armenia side, per Azerbaijan (claim about the other side, unconfirmed)", item.Text);
    }

    [Theory]
    [InlineData("Artsakh", Population.Military, 559, "559 soldiers killed on the Artsakh side")]
    [InlineData("Azerbaijan", Population.Civilian, 13, "13 civilians killed on the Azerbaijan side")]
    [InlineData("Armenia", Population.Unknown, 1, "1 person killed on the Armenia side")]
    [InlineData("unknown", Population.Unknown, 40, "40 people killed")]
    public void A_figure_reads_as_plain_english(string side, Population population, int count, string expected)
    {
        var claim = new CasualtyClaim(side, population, CasualtyOutcome.Killed, count, null, CountQualifier.Exact, false, "unknown");

        Assert.Equal(expected, CasualtyWording.Phrase(claim));
    }

    [Theory]
    [InlineData("559 soldiers killed on the Artsakh side (total), per Artsakh", "[4 Oct 2020] 559 soldiers killed on the Artsakh side, per Artsakh #5")]
    [InlineData("559 Artsakh military killed (total), per Artsakh", "[4 Oct 2020] 559 soldiers killed on the Artsakh side, per Artsakh #5")]
    [InlineData("The defence army updated its toll", "[4 Oct 2020] The defence army updated its toll; 559 soldiers killed on the Artsakh side, per Artsakh #5")]
    public void A_figure_is_said_once_whether_or_not_the_summary_states_it(string summary, string expected)
    {
        var claim = new CasualtyClaim("Artsakh", Population.Military, CasualtyOutcome.Killed, 559, null, CountQualifier.Exact, true, "Artsakh");
        var e = Samples.Event(5, EventKind.Casualties, summary: summary, casualties: [claim]);

        Assert.Equal(expected, EventFormatter.Format(e).Text);
    }

    [Fact]
    public void A_tally_change_compares_only_figures_of_the_same_round_of_fighting()
    {
        Watchbot.Core.Events.CasualtyClaim Dead(int n) => new("Artsakh", Population.Military, CasualtyOutcome.Killed, n, null, CountQualifier.Exact, true, "Artsakh");
        var spring = Samples.Event(1, EventKind.Casualties, date: new DateOnly(2020, 4, 2), casualties: [Dead(464)]);
        var autumn = Samples.Event(2, EventKind.Casualties, date: new DateOnly(2020, 10, 4), casualties: [Dead(559)]);
        var later = Samples.Event(3, EventKind.Casualties, date: new DateOnly(2020, 10, 10), casualties: [Dead(600)]);
        var book = new TallyBook([spring, autumn, later]);

        Assert.DoesNotContain("since", EventFormatter.Format(autumn, book).Text);
        Assert.Contains("+41 since 4 Oct", EventFormatter.Format(later, book).Text);
    }

    [Fact]
    public void Two_reports_under_one_headline_are_one_source()
    {
        var e = Samples.Event() with
        {
            Sources = [new EventSource("a.txt", null, "Shelling resumes", null, null), new EventSource("b.txt", null, "Shelling resumes", null, null)],
        };

        Assert.Contains("(source: Shelling resumes)", EventFormatter.Format(e).Text);
    }

    [Fact]
    public void Web_sources_become_links_and_file_sources_are_named()
    {
        var e = Samples.Event() with
        {
            Sources =
            [
                new EventSource(null, "https://example.org/news/1", "Example news", null, null),
                new EventSource("report.txt", null, null, null, null),
                new EventSource(null, "javascript:alert(1)", "Bad link", null, null),
            ],
        };

        var item = EventFormatter.Format(e);

        Assert.Equal("https://example.org/news/1", Assert.Single(item.Links).Url);
        Assert.Contains("(source: report.txt; Bad link)", item.Text);
    }

    [Fact]
    public void A_ceasefire_item_names_its_stance()
    {
        var e = Samples.Event(kind: EventKind.Ceasefire, summary: "Both sides agreed to a humanitarian truce") with { Stance = CeasefireStance.Agreement };

        Assert.Contains("(ceasefire agreed)", EventFormatter.Format(e).Text);
    }
}
