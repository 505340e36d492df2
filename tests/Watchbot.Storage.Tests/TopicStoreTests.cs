using Watchbot.Core.Topics;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class TopicStoreTests : StoreTest
{
    private static readonly Topic Karabakh = new(
        "karabakh",
        "The Nagorno-Karabakh conflict",
        [new TopicPlace("Stepanakert", ["Khankendi"]), new TopicPlace("Shusha", ["Shushi"])],
        ["Armenia", "Azerbaijan", "Artsakh"],
        ["ceasefire", "shelling"]);

    [Fact]
    public async Task A_topic_keeps_its_places_with_aliases_actors_and_keywords()
    {
        await Store.Topics.UpsertAsync(Karabakh, Ct);

        var read = await Store.Topics.GetAsync("karabakh", Ct);

        Assert.NotNull(read);
        Assert.Equal("The Nagorno-Karabakh conflict", read.Description);
        Assert.Equal(["Stepanakert", "Shusha"], read.Places.Select(p => p.Name));
        Assert.Equal(["Khankendi"], read.Places[0].Aliases);
        Assert.Equal("Stepanakert", read.CanonicalPlace("khankendi"));
        Assert.Equal(["Armenia", "Azerbaijan", "Artsakh"], read.Actors);
        Assert.Equal(["ceasefire", "shelling"], read.Keywords);
    }

    [Fact]
    public async Task A_topic_keeps_its_sides_camps_armed_groups_places_sides_and_actor_aliases()
    {
        var topic = Karabakh with
        {
            Sides = [new TopicSide("Armenia", ["Armenian"], "Armenian"), new TopicSide("Artsakh", ["Karabakh authorities"], "Armenian"), new TopicSide("Azerbaijan", ["Azeri"], null, ArmedGroup: false)],
            Places = [new TopicPlace("Stepanakert", ["Khankendi"], "Artsakh")],
            Actors = [new TopicActor("OSCE Minsk Group", ["Minsk Group"]), "Russia"],
        };
        await Store.Topics.UpsertAsync(topic, Ct);

        var read = await Store.Topics.GetAsync("karabakh", Ct);

        Assert.NotNull(read);
        Assert.Equal(
            topic.Sides.Select(x => (x.Name, string.Join("/", x.Aliases), x.Camp, x.ArmedGroup)),
            read.Sides.Select(x => (x.Name, string.Join("/", x.Aliases), x.Camp, x.ArmedGroup)));
        Assert.Equal("Artsakh", read.Places[0].Side);
        Assert.Equal(["Minsk Group"], read.Actors[0].Aliases);
        Assert.Equal("Russia", read.Actors[1].Name);
    }

    [Fact]
    public async Task Upserting_a_topic_again_replaces_it()
    {
        await Store.Topics.UpsertAsync(Karabakh, Ct);

        await Store.Topics.UpsertAsync(Karabakh with { Description = "Updated", Keywords = ["drone"] }, Ct);

        var all = await Store.Topics.ListAsync(Ct);
        var only = Assert.Single(all);
        Assert.Equal("Updated", only.Description);
        Assert.Equal(["drone"], only.Keywords);
    }

    [Fact]
    public async Task Topics_are_listed_by_name_and_can_be_removed()
    {
        await Store.Topics.UpsertAsync(Karabakh with { Name = "ukraine" }, Ct);
        await Store.Topics.UpsertAsync(Karabakh, Ct);

        Assert.Equal(["karabakh", "ukraine"], (await Store.Topics.ListAsync(Ct)).Select(t => t.Name));
        Assert.True(await Store.Topics.RemoveAsync("ukraine", Ct));
        Assert.False(await Store.Topics.RemoveAsync("ukraine", Ct));
        Assert.Null(await Store.Topics.GetAsync("ukraine", Ct));
        Assert.Equal(["karabakh"], (await Store.Topics.ListAsync(Ct)).Select(t => t.Name));
    }
}
