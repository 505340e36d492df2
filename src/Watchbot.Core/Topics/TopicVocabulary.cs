namespace Watchbot.Core.Topics;

/// <summary>
/// One canonical name for each place and actor of a topic: every alias of a place resolves to the place's name, every
/// alias of a side or another actor to that side's or actor's name, the names events, digests and exports use.
/// Filters, hand-entered events and edits read names through here, so what the bot shows is what a filter matches.
/// </summary>
public static class TopicVocabulary
{
    /// <summary>The canonical actor <paramref name="name"/> stands for: a side first, then another actor; null when neither.</summary>
    public static string? CanonicalActor(this Topic topic, string name) =>
        topic.SideNamed(name)?.Name
        ?? topic.Actors.FirstOrDefault(a => a.AllNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))?.Name;

    /// <summary>"'Mars' is not a place of karabakh; did you mean Martuni?" for a name the topic does not know.</summary>
    public static string UnknownPlace(this Topic topic, string name, Func<string, string> clip)
    {
        var closest = TopicNames.Closest(name.ToLowerInvariant(), topic.Places.SelectMany(p => p.AllNames).Select(n => n.ToLowerInvariant()));
        var hint = closest is null ? "" : $"; did you mean {topic.CanonicalPlace(closest)}?";
        return $"'{clip(name)}' is not a place of {topic.Name}{hint}";
    }

    /// <summary>The same refusal for actors, with the closest side or actor, or the list of them when none is close.</summary>
    public static string UnknownActor(this Topic topic, string name, Func<string, string> clip)
    {
        var all = topic.Sides.SelectMany(s => s.AllNames).Concat(topic.Actors.SelectMany(a => a.AllNames)).Select(n => n.ToLowerInvariant());
        var closest = TopicNames.Closest(name.ToLowerInvariant(), all);
        var hint = closest is not null
            ? $"; did you mean {topic.CanonicalActor(closest)}?"
            : $"; its actors are {string.Join(", ", topic.Sides.Select(s => s.Name).Concat(topic.Actors.Select(a => a.Name)).Take(12))}";
        return $"'{clip(name)}' is not an actor of {topic.Name}{hint}";
    }

    /// <summary>Each name as its canonical place, or the refusal of the first one the topic does not know.</summary>
    public static (IReadOnlyList<string> Names, string? Problem) CanonicalPlaces(this Topic topic, IEnumerable<string> names, Func<string, string> clip) =>
        Resolve(names, topic.CanonicalPlace, n => topic.UnknownPlace(n, clip));

    /// <summary>Each name as its canonical actor, or the refusal of the first one the topic does not know.</summary>
    public static (IReadOnlyList<string> Names, string? Problem) CanonicalActors(this Topic topic, IEnumerable<string> names, Func<string, string> clip) =>
        Resolve(names, topic.CanonicalActor, n => topic.UnknownActor(n, clip));

    private static (IReadOnlyList<string> Names, string? Problem) Resolve(IEnumerable<string> names, Func<string, string?> canonical, Func<string, string> refuse)
    {
        var resolved = new List<string>();
        foreach (var name in names)
        {
            var found = canonical(name.Trim());
            if (found is null)
            {
                return ([], refuse(name.Trim()));
            }

            resolved.Add(found);
        }

        return (resolved.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), null);
    }
}
