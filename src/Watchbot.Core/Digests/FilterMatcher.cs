using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Digests;

/// <summary>Whether an event belongs in a subscription's digests and alerts.</summary>
public static class FilterMatcher
{
    public static bool Matches(Subscription subscription, WatchEvent e) =>
        e.Status == EventStatus.Published
        && e.Topics.Contains(subscription.Topic, StringComparer.OrdinalIgnoreCase)
        && Matches(subscription.Filter, e);

    public static bool Matches(SubscriptionFilter filter, WatchEvent e)
    {
        if (filter.Kinds.Count > 0 && !filter.Kinds.Contains(e.Kind))
        {
            return false;
        }

        if (e.Severity < filter.MinSeverity)
        {
            return false;
        }

        if (filter.Places.Count > 0 && !Overlaps(filter.Places, e.Places))
        {
            return false;
        }

        if (filter.Actors.Count > 0 && !Overlaps(filter.Actors, e.Actors) && !Overlaps(filter.Actors, ClaimantOf(e)))
        {
            return false;
        }

        if (filter.Include.Count > 0 && !filter.Include.Any(word => Mentions(e, word)))
        {
            return false;
        }

        return !filter.Exclude.Any(word => Mentions(e, word));
    }

    private static IEnumerable<string> ClaimantOf(WatchEvent e) =>
        e.ClaimedBy is null ? [] : [e.ClaimedBy];

    private static bool Overlaps(IReadOnlyList<string> wanted, IEnumerable<string> present) =>
        present.Any(p => wanted.Any(w => string.Equals(w, p, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether the summary or a source sentence holds the word, in any case.</summary>
    internal static bool Mentions(WatchEvent e, string word) =>
        e.Summary.Contains(word, StringComparison.OrdinalIgnoreCase)
        || e.Sources.Any(s => s.Sentence?.Contains(word, StringComparison.OrdinalIgnoreCase) == true);
}
