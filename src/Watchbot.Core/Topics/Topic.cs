namespace Watchbot.Core.Topics;

/// <summary>
/// What a subscriber follows, and all the extractor needs to know about a conflict: its sides (the belligerents, each
/// with the names its forces, authorities, leaders and people go by), its places (with the side a place belongs to
/// where that decides whose people were hit), its other actors (mediators, international bodies) and keywords.
/// </summary>
public sealed record Topic(
    string Name,
    string Description,
    IReadOnlyList<TopicPlace> Places,
    IReadOnlyList<TopicActor> Actors,
    IReadOnlyList<string> Keywords)
{
    /// <summary>The belligerents, in the order the topic lists them. Empty for a topic that declares none.</summary>
    public IReadOnlyList<TopicSide> Sides { get; init; } = [];

    /// <summary>The canonical name of a place in this topic, if <paramref name="name"/> is one of its names.</summary>
    public string? CanonicalPlace(string name) =>
        Places.FirstOrDefault(p => p.AllNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))?.Name;

    /// <summary>The side <paramref name="name"/> is, by its name or any alias; null when it is none of them.</summary>
    public TopicSide? SideNamed(string name)
    {
        // A loop, not a query: the extractor asks this for most figures it reads.
        foreach (var side in Sides)
        {
            if (string.Equals(side.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return side;
            }

            foreach (var alias in side.Aliases)
            {
                if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase))
                {
                    return side;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The sides <paramref name="side"/> fights: every side of another camp. A side without a camp is a camp of its own.
    /// </summary>
    public IReadOnlyList<TopicSide> AdversariesOf(string side)
    {
        var own = SideNamed(side);
        return own is null ? [] : Sides.Where(s => s != own && !own.SameCamp(s)).ToList();
    }

    /// <summary>What is wrong with the topic's sides and places, or null: names must be unique and places must name a side the topic has.</summary>
    public string? Problem()
    {
        var duplicate = Sides.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"The topic {Name} lists the side {duplicate.Key} twice.";
        }

        var stray = Places.FirstOrDefault(p => p.Side is not null && SideNamed(p.Side) is null);
        return stray is null ? null : $"The place {stray.Name} of topic {Name} belongs to the side {stray.Side}, which the topic does not list among its sides.";
    }
}

/// <summary>A place and the other names it goes by (Stepanakert / Khankendi), and the side it belongs to, if any.</summary>
public sealed record TopicPlace(string Name, IReadOnlyList<string> Aliases, string? Side = null)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

/// <summary>
/// A belligerent: its name (what digests and exports call it), the names its forces, authorities, leaders, spokesmen and
/// people go by ("Azerbaijani", "Baku", "Aliyev"), its camp (sides of one camp fight on the same side), and whether it is
/// an armed group rather than a state (the people it loses are fighters).
/// </summary>
public sealed record TopicSide(string Name, IReadOnlyList<string> Aliases, string? Camp = null, bool ArmedGroup = false)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);

    public bool SameCamp(TopicSide other) =>
        ReferenceEquals(this, other) || (Camp is not null && string.Equals(Camp, other.Camp, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Another actor of a conflict (a mediator, an international body) and its other names.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(TopicActorJsonConverter))]
public sealed record TopicActor(string Name, IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);

    /// <summary>An actor known by one name only.</summary>
    public static TopicActor Named(string name) => new(name, []);

    public static implicit operator TopicActor(string name) => Named(name);

    public override string ToString() => Name;
}
