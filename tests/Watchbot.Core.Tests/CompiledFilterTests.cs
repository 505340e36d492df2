using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Tests;

public sealed class CompiledFilterTests
{
    public static TheoryData<string, SubscriptionFilter, bool> Cases => new()
    {
        { "no filter lets everything in the topic through", SubscriptionFilter.None, true },
        { "a listed kind passes", new SubscriptionFilter { Kinds = [EventKind.Escalation, EventKind.Casualties] }, true },
        { "an unlisted kind is held back", new SubscriptionFilter { Kinds = [EventKind.Ceasefire] }, false },
        { "severity at the threshold passes", new SubscriptionFilter { MinSeverity = 4 }, true },
        { "severity below the threshold is held back", new SubscriptionFilter { MinSeverity = 5 }, false },
        { "a listed place passes, whatever its case", new SubscriptionFilter { Places = ["stepanakert"] }, true },
        { "an unlisted place is held back", new SubscriptionFilter { Places = ["Ganja"] }, false },
        { "a listed actor passes", new SubscriptionFilter { Actors = ["Azerbaijan"] }, true },
        { "an unlisted actor is held back", new SubscriptionFilter { Actors = ["Turkey"] }, false },
        { "an include word in the summary passes", new SubscriptionFilter { Include = ["DRONE"] }, true },
        { "an include word found nowhere holds back", new SubscriptionFilter { Include = ["artillery"] }, false },
        { "an exclude word in the summary holds back", new SubscriptionFilter { Exclude = ["drone"] }, false },
        { "an exclude word found nowhere passes", new SubscriptionFilter { Exclude = ["exercise"] }, true },
        { "every part must agree", new SubscriptionFilter { Kinds = [EventKind.Escalation], Places = ["Stepanakert"], MinSeverity = 5 }, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_filter_decides_whether_an_event_reaches_the_subscriber(string why, SubscriptionFilter filter, bool expected)
    {
        var e = Samples.Event(severity: 4, summary: "A drone strike hit a market", places: ["Stepanakert"], actors: ["Azerbaijan"]);

        Assert.True(expected == CompiledFilter.Compile(Samples.Subscription(filter: filter)).Matches(e), why);
    }

    [Fact]
    public void An_event_of_another_topic_never_matches()
    {
        Assert.False(CompiledFilter.Compile(Samples.Subscription(topic: "sahel")).Matches(Samples.Event()));
    }

    [Theory]
    [InlineData(EventStatus.Pending)]
    [InlineData(EventStatus.Rejected)]
    [InlineData(EventStatus.Merged)]
    public void An_event_that_is_not_published_never_matches(EventStatus status)
    {
        Assert.False(CompiledFilter.Compile(Samples.Subscription()).Matches(Samples.Event(status: status)));
    }

    [Fact]
    public void An_include_word_in_a_source_sentence_counts()
    {
        var e = Samples.Event(summary: "Strike on the town") with
        {
            Sources = [new EventSource("a.txt", null, "A", null, "Officials said a drone came down near the school.")],
        };

        Assert.True(CompiledFilter.Compile(new SubscriptionFilter { Include = ["drone"] }).Matches(e));
    }
}
