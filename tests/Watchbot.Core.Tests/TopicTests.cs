using System.Text.Json;
using Watchbot.Core.Commands.Admin;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Tests;

/// <summary>A topic as an admin writes it: sides with aliases and camps, armed groups, places that belong to a side.</summary>
public class TopicTests
{
    private static Topic Apply(params string[] assignments)
    {
        var (topic, problem) = TopicAction.Apply(new Topic("lakes", "War over the lake country", [], [], []), assignments);
        Assert.True(topic is not null, problem);
        return topic!;
    }

    [Fact]
    public void Sides_camps_armed_groups_places_and_actors_are_read_from_the_admin_command()
    {
        var topic = Apply(
            "sides=Eastland/Eastern army/Osk,Westland/Westlanders,Lake Front/LF",
            "camps=Westland+Lake Front",
            "armed=Lake Front",
            "places=Osk@Eastland,Port Vell/Vell@Westland,The Narrows",
            "actors=Lake Council/LC");

        Assert.Equal(["Eastland", "Westland", "Lake Front"], topic.Sides.Select(s => s.Name));
        Assert.Equal(["Eastern army", "Osk"], topic.Sides[0].Aliases);
        Assert.True(topic.Sides[2].ArmedGroup);
        Assert.False(topic.Sides[1].ArmedGroup);
        Assert.True(topic.Sides[1].SameCamp(topic.Sides[2]));
        Assert.Equal("Westland", topic.Places[1].Side);
        Assert.Null(topic.Places[2].Side);
        Assert.Equal(["LC"], topic.Actors[0].Aliases);
        Assert.Equal("Lake Front", topic.SideNamed("LF")?.Name);
    }

    [Fact]
    public void A_side_fights_every_side_outside_its_camp()
    {
        var topic = Apply("sides=Eastland,Westland,Lake Front", "camps=Westland+Lake Front");

        Assert.Equal(["Westland", "Lake Front"], topic.AdversariesOf("Eastland").Select(s => s.Name));
        Assert.Equal(["Eastland"], topic.AdversariesOf("Lake Front").Select(s => s.Name));
    }

    [Theory]
    [InlineData("places=Osk@Nowhere", "Nowhere")]
    [InlineData("camps=Eastland+Nowhere", "Nowhere")]
    [InlineData("armed=Nowhere", "Nowhere")]
    public void A_place_camp_or_armed_group_must_name_a_side_the_topic_has(string assignment, string named)
    {
        var (topic, problem) = TopicAction.Apply(new Topic("lakes", "d", [], [], []), ["sides=Eastland,Westland", assignment]);

        Assert.Null(topic);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_line_shows_the_topic_in_the_syntax_add_takes()
    {
        var line = TopicAction.Describe(Apply("sides=Eastland/Osk,Westland", "armed=Westland", "places=Osk@Eastland"));

        Assert.Contains("sides: Eastland/Osk, Westland", line, StringComparison.Ordinal);
        Assert.Contains("armed groups: Westland", line, StringComparison.Ordinal);
        Assert.Contains("places: Osk@Eastland", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"UN\"]", "UN", 0)]
    [InlineData("[{\"name\":\"UN\",\"aliases\":[\"United Nations\"]}]", "UN", 1)]
    public void An_actor_reads_as_a_plain_name_or_with_aliases(string json, string name, int aliases)
    {
        var actor = Assert.Single(JsonSerializer.Deserialize<List<TopicActor>>(json)!);

        Assert.Equal(name, actor.Name);
        Assert.Equal(aliases, actor.Aliases.Count);
    }

    [Fact]
    public void An_actor_without_aliases_is_written_as_its_name_alone()
    {
        Assert.Equal("[\"UN\",{\"name\":\"EU\",\"aliases\":[\"European Union\"]}]",
            JsonSerializer.Serialize<List<TopicActor>>([TopicActor.Named("UN"), new TopicActor("EU", ["European Union"])]));
    }
}

/// <summary>A curator's edit stores places and actors by the names filters match.</summary>
public class EditNamesTests
{
    [Fact]
    public void An_edit_stores_an_alias_by_its_canonical_name_and_keeps_a_name_the_topic_does_not_know()
    {
        var (topic, _) = TopicAction.Apply(new Topic("lakes", "d", [], [], []), ["sides=Eastland/Osk army", "places=Port Vell/Vell@Eastland", "actors=Lake Council/LC"]);
        var e = new Watchbot.Core.Events.WatchEvent
        {
            Id = 1, Seq = 1, Kind = Watchbot.Core.Events.EventKind.Escalation, Status = Watchbot.Core.Events.EventStatus.Published,
            Date = new DateOnly(2024, 1, 1), Summary = "s", Topics = ["lakes"], Places = ["Vell", "Nowhere"], Actors = ["Osk army", "LC", "Atlantis"],
            CreatedAt = DateTimeOffset.UnixEpoch, ChangedAt = DateTimeOffset.UnixEpoch,
        };

        var edited = EditAction.Canonical(e, [topic!]);

        Assert.Equal(["Port Vell", "Nowhere"], edited.Places);
        Assert.Equal(["Eastland", "Lake Council", "Atlantis"], edited.Actors);
    }
}
