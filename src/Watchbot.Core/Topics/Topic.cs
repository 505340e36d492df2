namespace Watchbot.Core.Topics;

/// <summary>A place and the other names it goes by (Stepanakert / Khankendi).</summary>
public sealed record TopicPlace(string Name, IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

/// <summary>What a subscriber follows: a conflict with its places, actors and keywords.</summary>
public sealed record Topic(
    string Name,
    string Description,
    IReadOnlyList<TopicPlace> Places,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Keywords)
{
    /// <summary>The canonical name of a place in this topic, if <paramref name="name"/> is one of its names.</summary>
    public string? CanonicalPlace(string name) =>
        Places.FirstOrDefault(p => p.AllNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))?.Name;
}
