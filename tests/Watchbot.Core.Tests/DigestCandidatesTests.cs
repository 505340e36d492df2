using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Tests;

/// <summary>The fast matching of a digest run decides exactly as <see cref="FilterMatcher"/>, the plain reference.</summary>
public sealed class DigestCandidatesTests
{
    private static readonly WatchEvent[] Events =
    [
        Samples.Event(1, EventKind.Escalation, 4, "A drone strike hit a market", places: ["Stepanakert"], actors: ["Azerbaijan"]),
        Samples.Event(2, EventKind.Casualties, 5, "Shelling killed soldiers", places: ["Ganja", "Barda"], claimedBy: "Armenia"),
        Samples.Event(3, EventKind.Ceasefire, 2, "Talks on a ceasefire in Moscow", actors: ["Russia"], topics: ["karabakh", "caucasus"]),
        Samples.Event(4, EventKind.Displacement, 3, "Families left during an EXERCISE", places: ["stepanakert"]) with
        {
            Sources = [new EventSource("a.txt", null, "A", null, "Officials said artillery fire went on near the school.")],
        },
        Samples.Event(5, EventKind.Escalation, 1, "Minor exchange of fire", topics: ["sahel"], places: ["Gao"]),
        Samples.Event(6, EventKind.Escalation, 3, "Pending drone report", status: EventStatus.Pending),
        Samples.Event(7, EventKind.Casualties, 3, "Artillery fire on Terter", topics: ["Karabakh"], actors: ["azerbaijan"]),
    ];

    public static TheoryData<string, SubscriptionFilter> Filters => new()
    {
        { "none", SubscriptionFilter.None },
        { "kinds", new SubscriptionFilter { Kinds = [EventKind.Escalation, EventKind.Ceasefire] } },
        { "severity", new SubscriptionFilter { MinSeverity = 4 } },
        { "places in another case", new SubscriptionFilter { Places = ["STEPANAKERT", "Gao"] } },
        { "actors and claimants", new SubscriptionFilter { Actors = ["Armenia", "AZERBAIJAN"] } },
        { "include in a source sentence", new SubscriptionFilter { Include = ["artillery"] } },
        { "include and exclude", new SubscriptionFilter { Include = ["Drone", "ceasefire"], Exclude = ["moscow"] } },
        { "exclude only", new SubscriptionFilter { Exclude = ["exercise"] } },
        { "everything at once", new SubscriptionFilter { Kinds = [EventKind.Casualties], MinSeverity = 3, Places = ["Ganja"], Actors = ["Armenia"], Exclude = ["drone"] } },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_run_gives_each_subscription_what_its_filter_lets_through_after_its_cursor(string why, SubscriptionFilter filter)
    {
        var candidates = new DigestCandidates(Events, new TallyBook(Events));
        foreach (var topic in new[] { "karabakh", "KARABAKH", "sahel", "caucasus", "nowhere" })
        {
            foreach (var cursor in new long[] { 0, 2, 7 })
            {
                var subscription = Samples.Subscription(topic, filter);
                var matched = Events.Where(e => e.Seq > cursor && CompiledFilter.Compile(subscription).Matches(e)).ToList();
                var expected = matched.OrderByDescending(e => e.Severity).ThenByDescending(e => e.Seq).Take(2).OrderBy(e => e.Seq).Select(e => e.Id);

                var selection = candidates.For(subscription, cursor, max: 2);
                Assert.True(expected.SequenceEqual(selection.Entries.Select(e => e.Event.Id)), $"{why}, {topic} after {cursor}");
                Assert.Equal(Math.Max(0, matched.Count - 2), selection.LeftOut);
            }
        }
    }

    [Fact]
    public void Subscriptions_with_the_same_events_get_the_same_list_so_their_digest_body_is_composed_once()
    {
        var candidates = new DigestCandidates(Events, new TallyBook(Events));

        var severe = candidates.For(Samples.Subscription(filter: new SubscriptionFilter { MinSeverity = 4 }), 0, 200);
        var alsoSevere = candidates.For(Samples.Subscription(filter: new SubscriptionFilter { MinSeverity = 5, Places = [] } with { MinSeverity = 4 }), 0, 200);
        var afterCursor = candidates.For(Samples.Subscription(filter: SubscriptionFilter.None), 5, 200);

        Assert.Same(severe, alsoSevere);
        Assert.Equal([1L, 2L], severe.Entries.Select(e => e.Event.Id));
        Assert.Equal([7L], afterCursor.Entries.Select(e => e.Event.Id));
    }

    [Fact]
    public void A_digest_from_a_shared_body_reads_as_one_composed_whole()
    {
        var entries = Events.Take(4).Select(e => new DigestEntry(e, EventFormatter.Format(e))).ToList();
        var period = new DigestPeriod(Samples.Noon.AddDays(-1), Samples.Noon, "Asia/Yerevan");

        var whole = DigestComposer.Compose("karabakh", period, entries);
        var shared = DigestComposer.Compose("karabakh", period, DigestComposer.Body(entries));

        Assert.Equal(whole.ToPlainText(), shared.ToPlainText());
        Assert.Equal(whole.Title, shared.Title);
    }
}
