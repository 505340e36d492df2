using Watchbot.Core.Commands;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Tests;

/// <summary>The catalogue of kinds is the one list: every kind has a row, and everything that lists kinds reads it, so a
/// new kind shows up in names, filters, buttons and digests without another edit.</summary>
public sealed class EventKindCatalogueTests
{
    public static TheoryData<EventKind> EveryKind() => new(Enum.GetValues<EventKind>());

    [Fact]
    public void Every_kind_has_one_row_with_a_unique_short_lower_case_name()
    {
        Assert.Equal(Enum.GetValues<EventKind>(), EventKinds.All.Select(k => k.Kind));
        Assert.Equal(EventKinds.All.Count, EventKinds.All.Select(k => k.Name).Distinct().Count());
        Assert.All(EventKinds.All, k =>
        {
            Assert.Equal(k.Name.ToLowerInvariant(), k.Name);
            Assert.InRange(k.Name.Length, 1, EventKinds.MaxNameLength);
            Assert.False(string.IsNullOrWhiteSpace(k.Label + k.Heading + k.Noun + k.Plural));
        });
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_kinds_wire_name_reads_back_as_the_kind(EventKind kind)
    {
        Assert.Equal(kind, EventNames.Parse<EventKind>(kind.Name()));
        Assert.Equal(kind, EventKinds.Find(kind.Name().ToUpperInvariant()));
        Assert.Contains(kind.Name(), EventKinds.NamesText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_digest_lists_every_kind_under_its_heading_and_counts_it(EventKind kind)
    {
        var e = Samples.Event(kind: kind, summary: "Something of this kind happened");
        var body = DigestComposer.Body([new DigestEntry(e, EventFormatter.Format(e))]);

        var section = Assert.Single(body.Sections);
        Assert.Equal(kind.Info().Heading, section.Heading);
        Assert.Single(section.Items);
        Assert.Contains("1 " + kind.Info().Noun, body.Footer, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_filter_names_every_kind_and_every_kind_has_a_switch(EventKind kind)
    {
        var (filter, problem) = FilterSyntax.Apply(new SubscriptionFilter(), ["kinds=" + kind.Name()], new Topics.Topic("karabakh", "The war", [], [], []));
        Assert.Null(problem);
        Assert.True(CompiledFilter.Compile(filter!).Matches(Samples.Event(kind: kind)));

        var subscription = Samples.Subscription();
        var switches = SubscriptionActions.Kinds(subscription, "").SelectMany(row => row).ToList();
        Assert.Contains(switches, s => s.Label.Contains(kind.Info().Label, StringComparison.Ordinal) && s.Command.EndsWith("kinds-=" + kind.Name(), StringComparison.Ordinal));
    }
}
