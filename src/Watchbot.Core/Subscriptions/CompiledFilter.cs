using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

using Watchbot.Core.Digests;
namespace Watchbot.Core.Subscriptions;

/// <summary>
/// Whether an event belongs in a subscription's digests and alerts: the one place that decides it. A subscription
/// filter is prepared once for matching many events: kinds as a bit mask, places and actors as case-insensitive sets,
/// include and exclude words as arrays. Compiled from a whole <see cref="Subscription"/>, it also asks that the event
/// be published and carry the subscription's topic.
/// </summary>
public sealed class CompiledFilter
{
    private readonly string? topic;
    private readonly uint kinds;
    private readonly IReadOnlyList<EventKind>? otherKinds;
    private readonly int minSeverity;
    private readonly HashSet<string>? places;
    private readonly HashSet<string>? actors;
    private readonly string[] include;
    private readonly string[] exclude;

    private CompiledFilter(SubscriptionFilter filter, string? topic)
    {
        this.topic = topic;
        foreach (var kind in filter.Kinds)
        {
            if ((uint)kind < 32)
            {
                kinds |= 1u << (int)kind;
            }
            else
            {
                otherKinds = filter.Kinds;
            }
        }

        minSeverity = filter.MinSeverity;
        places = filter.Places.Count > 0 ? new HashSet<string>(filter.Places, StringComparer.OrdinalIgnoreCase) : null;
        actors = filter.Actors.Count > 0 ? new HashSet<string>(filter.Actors, StringComparer.OrdinalIgnoreCase) : null;
        include = [.. filter.Include];
        exclude = [.. filter.Exclude];
    }

    public static CompiledFilter Compile(SubscriptionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new CompiledFilter(filter, topic: null);
    }

    /// <summary>The filter of <paramref name="subscription"/>, for published events of its topic only.</summary>
    public static CompiledFilter Compile(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new CompiledFilter(subscription.Filter, subscription.Topic);
    }

    public bool Matches(WatchEvent e) => Matches(e, null, 0);

    /// <summary>Matches with the word look-ups of <paramref name="mentions"/> (the event at <paramref name="index"/> in it).</summary>
    internal bool Matches(WatchEvent e, MentionCache? mentions, int index)
    {
        if (topic is not null && (e.Status != EventStatus.Published || !e.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (!KindPasses(e.Kind))
        {
            return false;
        }

        if (e.Severity < minSeverity)
        {
            return false;
        }

        if (places is not null && !AnyIn(places, e.Places))
        {
            return false;
        }

        if (actors is not null && !AnyIn(actors, e.Actors) && !(e.ClaimedBy is { } claimant && actors.Contains(claimant)))
        {
            return false;
        }

        if (include.Length > 0 && !AnyMentioned(include, e, mentions, index))
        {
            return false;
        }

        return !AnyMentioned(exclude, e, mentions, index);
    }

    private bool KindPasses(EventKind kind) =>
        otherKinds is not null
            ? otherKinds.Contains(kind)
            : kinds == 0 || ((uint)kind < 32 && (kinds & (1u << (int)kind)) != 0);

    private static bool AnyMentioned(string[] words, WatchEvent e, MentionCache? mentions, int index)
    {
        foreach (var word in words)
        {
            if (Mentions(e, mentions, index, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(WatchEvent e, MentionCache? mentions, int index, string word) =>
        mentions?.Mentions(index, word) ?? Mentions(e, word);

    /// <summary>Whether the summary or a source sentence holds the word, in any case.</summary>
    internal static bool Mentions(WatchEvent e, string word) =>
        e.Summary.Contains(word, StringComparison.OrdinalIgnoreCase)
        || e.Sources.Any(s => s.Sentence?.Contains(word, StringComparison.OrdinalIgnoreCase) == true);

    private static bool AnyIn(HashSet<string> wanted, IReadOnlyList<string> present)
    {
        foreach (var item in present)
        {
            if (wanted.Contains(item))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Whether each of a fixed list of events mentions a word, worked out once a word for all of them.</summary>
internal sealed class MentionCache(IReadOnlyList<WatchEvent> events)
{
    private readonly Dictionary<string, bool[]> words = new(StringComparer.OrdinalIgnoreCase);

    public bool Mentions(int index, string word)
    {
        if (!words.TryGetValue(word, out var found))
        {
            found = new bool[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                found[i] = CompiledFilter.Mentions(events[i], word);
            }

            words[word] = found;
        }

        return found[index];
    }
}
