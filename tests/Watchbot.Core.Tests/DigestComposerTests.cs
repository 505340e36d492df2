using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;

namespace Watchbot.Core.Tests;

public sealed class DigestComposerTests
{
    private static readonly DigestPeriod Day = new(Samples.Noon.AddDays(-1), Samples.Noon, "UTC");

    private static DigestEntry Entry(WatchEvent e) => new(e, EventFormatter.Format(e));

    [Fact]
    public void A_digest_groups_events_in_sections_in_a_fixed_order()
    {
        var entries = new[]
        {
            Entry(Samples.Event(1, EventKind.Displacement, summary: "Families left the town")),
            Entry(Samples.Event(2, EventKind.Ceasefire, summary: "The ministers agreed a truce")),
            Entry(Samples.Event(3, EventKind.Escalation, summary: "Artillery fire on the villages")),
            Entry(Samples.Event(4, EventKind.Casualties, summary: "Soldiers were killed")),
        };

        var digest = DigestComposer.Compose("karabakh", Day, entries);

        Assert.Equal(["Escalations", "Casualty updates", "Ceasefire statements", "Displacement"], digest.Sections.Select(s => s.Heading));
        Assert.Equal(MessageKind.Digest, digest.Kind);
    }

    [Fact]
    public void The_header_names_the_topic_and_the_period_and_the_footer_counts_the_events()
    {
        var entries = new[] { Entry(Samples.Event(1)), Entry(Samples.Event(2)), Entry(Samples.Event(3, EventKind.Casualties)) };

        var digest = DigestComposer.Compose("karabakh", Day, entries);

        Assert.Equal("Karabakh digest: 3 Oct 12:00 to 4 Oct 12:00 (UTC)", digest.Title);
        Assert.Equal("3 new events: 2 escalations, 1 casualty update; each section in date order, oldest first.", digest.Footer);
    }

    [Fact]
    public void Events_follow_the_order_they_happened_in_within_a_section_whatever_their_severity()
    {
        var entries = new[]
        {
            Entry(Samples.Event(1, severity: 2, date: new DateOnly(2020, 10, 4), summary: "Minor fire")),
            Entry(Samples.Event(2, severity: 5, date: new DateOnly(2020, 10, 5), summary: "Missile strike on the city")),
            Entry(Samples.Event(3, severity: 3, date: new DateOnly(2020, 10, 2), summary: "Shelling of a village")),
        };

        var digest = DigestComposer.Compose("karabakh", Day, entries);

        Assert.Collection(digest.Sections.Single().Items,
            i => Assert.Contains("Shelling", i.Text),
            i => Assert.Contains("Minor fire", i.Text),
            i => Assert.Contains("Missile strike", i.Text));
        Assert.EndsWith("each section in date order, oldest first.", digest.Footer);
    }

    [Fact]
    public void An_overfull_digest_keeps_the_most_severe_newest_first_among_equals_and_says_what_it_left_out_and_where_to_read_it()
    {
        WatchEvent[] events =
        [
            Samples.Event(1, severity: 2, summary: "Old minor fire"),
            Samples.Event(2, severity: 5, summary: "Missile strike on the city"),
            Samples.Event(3, severity: 2, summary: "Middle minor fire"),
            Samples.Event(4, EventKind.Casualties, severity: 3, summary: "Soldiers were killed"),
            Samples.Event(5, severity: 1, summary: "Warning shots"),
            Samples.Event(6, severity: 2, summary: "New minor fire"),
        ];
        var selection = new DigestCandidates(events, new TallyBook(events)).For(Samples.Subscription(), 0, max: 3);

        var digest = DigestComposer.Compose("karabakh", Day, DigestComposer.Body(selection));

        Assert.Equal([2L, 4L, 6L], selection.Entries.Select(e => e.Event.Id));
        var text = digest.ToPlainText();
        Assert.Contains("Missile strike", text);
        Assert.Contains("New minor fire", text);
        Assert.DoesNotContain("Old minor fire", text);
        Assert.DoesNotContain("Warning shots", text);
        Assert.Equal(
            "The 3 most severe of 6 new events: 2 escalations, 1 casualty update; each section in date order, oldest first. "
            + "Left out for length: 3 less severe events (severity 2 or lower); /latest karabakh 20 lists the newest events, whatever their severity.",
            digest.Footer);
    }

    [Fact]
    public void A_digest_within_its_limit_says_nothing_was_left_out()
    {
        WatchEvent[] events = [Samples.Event(1, severity: 1), Samples.Event(2, severity: 5)];
        var selection = new DigestCandidates(events, new TallyBook(events)).For(Samples.Subscription(), 0, max: 2);

        var digest = DigestComposer.Compose("karabakh", Day, DigestComposer.Body(selection));

        Assert.Equal(0, selection.LeftOut);
        Assert.Equal("2 new events: 2 escalations; each section in date order, oldest first.", digest.Footer);
    }

    [Fact]
    public void An_empty_digest_says_nothing_happened()
    {
        var digest = DigestComposer.Compose("karabakh", Day, []);

        Assert.Empty(digest.Sections);
        Assert.Equal("Nothing new in this period.", digest.Footer);
    }

    [Fact]
    public void The_period_is_shown_in_the_subscribers_zone()
    {
        var period = new DigestPeriod(Samples.Noon.AddDays(-1), Samples.Noon, "Asia/Yerevan");

        Assert.Equal("3 Oct 16:00 to 4 Oct 16:00 (Asia/Yerevan)", DigestComposer.FormatPeriod(period));
    }
}
