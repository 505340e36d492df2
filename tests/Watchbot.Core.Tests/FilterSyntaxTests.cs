using Watchbot.Core.Commands;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Tests;

public sealed class FilterSyntaxTests
{
    private static readonly Topic Karabakh = new("karabakh", "The war",
        [new TopicPlace("Stepanakert", ["Khankendi"]), new TopicPlace("Ganja", []), new TopicPlace("Shusha", ["Shushi"])],
        [new TopicActor("United Nations", ["UN"]), "Turkey"], [])
    {
        Sides = [new TopicSide("Artsakh", ["Nagorno-Karabakh authorities", "Karabakh Armenians"]), new TopicSide("Azerbaijan", ["Azerbaijani", "Baku"])],
    };

    [Theory]
    [InlineData("kinds=escalation,casualties", "kinds=escalation,casualties")]
    [InlineData("kinds=Casualties kinds=ceasefire", "kinds=ceasefire")]
    [InlineData("severity>=3", "severity>=3")]
    [InlineData("places=Khankendi,ganja", "places=Stepanakert,Ganja")]
    [InlineData("actors=Turkey include=drone exclude=exercise", "actors=Turkey include=drone exclude=exercise")]
    [InlineData("kinds=escalation severity>=4 places=Shushi", "kinds=escalation severity>=4 places=Shusha")]
    [InlineData("places=Ganja places=", "none (everything in the topic)")]
    [InlineData("actors=UN,Baku", "actors=United Nations,Azerbaijan")]
    [InlineData("actors=un,Artsakh,Azerbaijani", "actors=United Nations,Artsakh,Azerbaijan")]
    public void Filter_settings_are_read_in_the_words_the_replies_use(string typed, string described)
    {
        var (filter, problem) = FilterSyntax.Apply(SubscriptionFilter.None, typed.Split(' '), Karabakh);

        Assert.Null(problem);
        Assert.Equal(described, Commands.SubscriptionText.Describe(filter!));
    }

    /// <summary>What the kind buttons send: "+=" lets one more kind through, "-=" one fewer, starting from the
    /// filter as it is now (no kinds named = every kind).</summary>
    [Theory]
    [InlineData("", "kinds-=escalation", "casualties,ceasefire,displacement,prisoners")]
    [InlineData("", "kinds+=escalation", "")]
    [InlineData("casualties,ceasefire,displacement,prisoners", "kinds+=escalation", "")]
    [InlineData("escalation", "kinds+=ceasefire", "escalation,ceasefire")]
    [InlineData("ceasefire", "kinds+=escalation", "escalation,ceasefire")]
    [InlineData("escalation,ceasefire", "kinds-=ceasefire", "escalation")]
    [InlineData("escalation", "kinds-=ceasefire", "escalation")]
    [InlineData("escalation", "kinds+=escalation", "escalation")]
    [InlineData("escalation,casualties", "kind-=Casualties", "escalation")]
    [InlineData("", "kinds-=escalation,casualties", "ceasefire,displacement,prisoners")]
    [InlineData("escalation", "kinds-=escalation kinds+=displacement", null)]
    [InlineData("escalation", "kinds+=displacement kinds-=escalation", "displacement")]
    public void Kinds_are_added_and_taken_away_one_at_a_time(string current, string typed, string? expected)
    {
        var start = new SubscriptionFilter { Kinds = current.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(EventNames.Parse<EventKind>).ToList(), MinSeverity = 2 };

        var (filter, problem) = FilterSyntax.Apply(start, typed.Split(' '), Karabakh);

        if (expected is null)
        {
            Assert.Null(filter);
            Assert.Contains("At least one kind must stay", problem);
            Assert.Contains("/unsubscribe karabakh", problem);
            return;
        }

        Assert.Null(problem);
        Assert.Equal(expected, string.Join(",", filter!.Kinds.Select(k => k.Name())));
        Assert.Equal(2, filter.MinSeverity);
    }

    [Theory]
    [InlineData("actors=Mars", "'Mars' is not an actor of karabakh; its actors are Artsakh, Azerbaijan, United Nations, Turkey")]
    [InlineData("actors=Turky", "'Turky' is not an actor of karabakh; did you mean Turkey?")]
    [InlineData("places=Atlantis", "'Atlantis' is not a place of karabakh")]
    [InlineData("places=Ganj", "'Ganj' is not a place of karabakh; did you mean Ganja?")]
    public void Unknown_places_and_actors_are_refused_alike_with_the_closest_known_names(string typed, string expected)
    {
        var (filter, problem) = FilterSyntax.Apply(SubscriptionFilter.None, [typed], Karabakh);

        Assert.Null(filter);
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("kinds-=")]
    [InlineData("kinds+=battles")]
    [InlineData("kinds*=escalation")]
    public void A_kind_change_that_names_no_kind_is_refused(string typed)
    {
        var (filter, problem) = FilterSyntax.Apply(SubscriptionFilter.None, [typed], Karabakh);

        Assert.Null(filter);
        Assert.NotNull(problem);
    }

    [Fact]
    public void Only_the_parts_named_change()
    {
        var current = new SubscriptionFilter { Kinds = [EventKind.Escalation], MinSeverity = 3 };

        var (filter, _) = FilterSyntax.Apply(current, ["places=Ganja"], Karabakh);

        Assert.Equal([EventKind.Escalation], filter!.Kinds);
        Assert.Equal(3, filter.MinSeverity);
        Assert.Equal(["Ganja"], filter.Places);
    }

    [Theory]
    [InlineData("kinds=parade", "'parade' is not a kind")]
    [InlineData("severity>=9", "severity>= takes a number from 1 to 5")]
    [InlineData("severity>=-1", "severity>= takes a number from 1 to 5")]
    [InlineData("places=Stepanakertt", "did you mean Stepanakert?")]
    [InlineData("places=Kyiv", "'Kyiv' is not a place of karabakh")]
    [InlineData("colour=red", "'colour' is not a filter")]
    [InlineData("drone", "'drone' is not a filter")]
    [InlineData("include=<script>", "is not a word I can match")]
    [InlineData("include=@everyone", "is not a word I can match")]
    public void Bad_filter_settings_are_refused_with_the_reason(string typed, string reason)
    {
        var (filter, problem) = FilterSyntax.Apply(SubscriptionFilter.None, [typed], Karabakh);

        Assert.Null(filter);
        Assert.Contains(reason, problem);
    }
}
