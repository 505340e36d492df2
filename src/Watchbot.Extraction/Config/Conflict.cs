using Watchbot.Core.Topics;

namespace Watchbot.Extraction.Config;

/// <summary>
/// The conflict an article is read against: the topics it is about, their sides (who fights whom) and the names to find
/// (the topics' sides, places and actors over the generic gazetteer; a topic's own entry wins over a generic one with the
/// same name). An article about no topic is read against the generic gazetteer alone: it has no sides.
/// </summary>
public sealed class Conflict
{
    private Conflict(IReadOnlyList<Topic> topics, Gazetteer gazetteer)
    {
        Topics = topics;
        Gazetteer = gazetteer;
    }

    /// <summary>The topics the article is about, the most named first.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public Gazetteer Gazetteer { get; }

    public bool HasTopic => Topics.Count > 0;

    /// <summary>Reads against the generic names alone: no topic, no sides.</summary>
    public static Conflict None(Gazetteer generic) => new([], generic);

    /// <summary>The conflict of <paramref name="topics"/>: their entries first, then the generic ones no topic entry shadows.</summary>
    public static Conflict Of(Gazetteer generic, IReadOnlyList<Topic> topics)
    {
        var own = topics.SelectMany(Entries).ToList();
        var taken = own.SelectMany(e => e.Aliases.Append(e.Name)).ToHashSet(StringComparer.Ordinal);
        var shared = generic.Entries.Select(e => e with { Aliases = e.Aliases.Where(a => !taken.Contains(a)).ToList() })
            .Where(e => !taken.Contains(e.Name) || e.Aliases.Count > 0)
            .ToList();
        return new Conflict(topics, new Gazetteer([.. own, .. shared]));
    }

    /// <summary>What a topic declares, as names to find: sides, places (with their side) and other actors.</summary>
    public static IEnumerable<GazetteerEntry> Entries(Topic topic) =>
        topic.Sides.Select(s => new GazetteerEntry(s.Name, MentionKind.Actor, s.Name, true, WithDemonyms(s), topic.Name))
            .Concat(topic.Places.Select(p => new GazetteerEntry(p.Name, MentionKind.Place, p.Side is null ? null : topic.SideNamed(p.Side)?.Name, false, p.Aliases, topic.Name)))
            .Concat(topic.Actors.Select(a => new GazetteerEntry(a.Name, MentionKind.Actor, null, false, a.Aliases, topic.Name)));

    /// <summary>A side's aliases and the adjectives its name makes that the admin did not list ("Sudanese" for Sudan).</summary>
    private static IReadOnlyList<string> WithDemonyms(TopicSide side)
    {
        var extra = Demonyms.Of(side.Name).Where(d => !side.Aliases.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
        return extra.Count == 0 ? side.Aliases : [.. side.Aliases, .. extra];
    }

    /// <summary>True when <paramref name="name"/> is a side of the article's topics.</summary>
    public bool IsSide(string? name) => name is not null && Topics.Any(t => t.SideNamed(name) is not null);

    /// <summary>True when the two sides fight in one camp (a side is in its own camp).</summary>
    public bool SameCamp(string a, string b) =>
        Topics.Any(t => t.SideNamed(a) is { } x && t.SideNamed(b) is { } y && x.SameCamp(y));

    /// <summary>True when <paramref name="side"/> is an armed group (its people are fighters), not a state with civilians.</summary>
    public bool IsArmedGroup(string? side) => side is not null && Topics.Any(t => t.SideNamed(side)?.ArmedGroup == true);


    /// <summary>
    /// The armed group that fights for <paramref name="side"/> when the side is a people rather than an armed force: the
    /// topic puts it in a camp with exactly one armed group and no other side (<c>camps=Delta Front+Delta armed=Delta Front</c>).
    /// Null for an armed group itself, a side without a camp, and a camp of several states or several groups (the
    /// Sahel's juntas and the mercenaries they hire: a state there has an army of its own).
    /// </summary>
    public string? FightersOf(string side)
    {
        foreach (var topic in Topics)
        {
            if (topic.SideNamed(side) is not { ArmedGroup: false, Camp: not null } people)
            {
                continue;
            }

            var camp = topic.Sides.Where(s => s.SameCamp(people)).ToList();
            var armed = camp.Where(s => s.ArmedGroup).ToList();
            return armed.Count == 1 && camp.Count == 2 ? armed[0].Name : null;
        }

        return null;
    }

    /// <summary>
    /// The one side <paramref name="side"/> fights, when the topics give it exactly one adversary: whose people an attack
    /// by <paramref name="side"/> hit when the text names nobody else ("Fano gunmen ambushed a convoy, killing 14 soldiers").
    /// Null when it fights several sides, even of one camp (Azerbaijan against Armenia and Artsakh): naming one would be a guess.
    /// </summary>
    public string? SoleAdversary(string side)
    {
        var names = Topics.SelectMany(t => t.AdversariesOf(side)).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>The one armed group among the topics' sides (the militants of a war between a state and one group), or null.</summary>
    public string? SoleArmedGroup() => Sole(armed: true);

    /// <summary>The one side that is not an armed group (the state a war against one group is fought by): whose "defence ministry" or "government" speaks, or null.</summary>
    public string? SoleState() => Sole(armed: false);

    private string? Sole(bool armed)
    {
        var names = Topics.Where(t => t.Sides.Any(s => s.ArmedGroup) && t.Sides.Any(s => !s.ArmedGroup))
            .SelectMany(t => t.Sides).Where(s => s.ArmedGroup == armed).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>
    /// The side <paramref name="side"/> fights when that is one camp: its first side in the topic's order (the side a
    /// figure "inflicted" by <paramref name="side"/> most likely belongs to). Null when it fights several camps or none.
    /// </summary>
    /// <remarks>When the other camp holds both an armed group and the people or state it fights for, <paramref name="fighters"/>
    /// picks the armed group (soldiers, militants) and otherwise the people ("strikes killed 40 people" in Gaza are not
    /// 40 Hamas fighters).</remarks>
    public string? Adversary(string side, bool fighters = false)
    {
        foreach (var topic in Topics)
        {
            var adversaries = topic.AdversariesOf(side);
            if (adversaries.Count == 0)
            {
                continue;
            }

            if (!adversaries.All(a => a.SameCamp(adversaries[0])))
            {
                return null;
            }

            return (adversaries.FirstOrDefault(a => a.ArmedGroup == fighters) ?? adversaries[0]).Name;
        }

        return null;
    }
}
