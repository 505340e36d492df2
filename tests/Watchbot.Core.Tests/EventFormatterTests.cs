using Watchbot.Core.Digests;
using Watchbot.Core.Events;

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

        Assert.Contains("104 Artsakh military killed, +45 since 28 Sep, per Artsakh officials", item.Text);
    }

    [Fact]
    public void A_claim_about_the_other_sides_losses_is_labelled_as_such()
    {
        var e = Samples.Event(3, EventKind.Casualties, casualties:
            [new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, 2300, null, CountQualifier.About, true, "Azerbaijan")]);

        var item = EventFormatter.Format(e);

        Assert.Contains("about 2,300 Armenia military killed, per Azerbaijan (claim about the other side, unconfirmed)", item.Text);
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
