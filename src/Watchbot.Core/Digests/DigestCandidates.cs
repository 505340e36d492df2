using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Digests;

/// <summary>
/// The events of one digest run, each formatted once and grouped by topic, matched against many subscriptions: each
/// filter is compiled once, each word looked up once an event, and subscriptions that ask the same question (same topic,
/// same filter, same cursor) share one answer, and equal answers are one list. Gives exactly what <see cref="FilterMatcher"/> would, in seq order.
/// Not thread-safe: one run uses it at a time.
/// </summary>
public sealed class DigestCandidates
{
    private readonly List<WatchEvent> events;
    private readonly DigestEntry[] entries;
    private readonly Dictionary<string, int[]> byTopic;
    private readonly MentionCache mentions;
    private readonly Dictionary<SubscriptionFilter, CompiledFilter> filters = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Question, DigestSelection> answers = [];
    private readonly Dictionary<string, DigestSelection> distinct = new(StringComparer.Ordinal);

    /// <param name="events">The run's events, oldest seq first.</param>
    public DigestCandidates(IEnumerable<WatchEvent> events, TallyBook tallies)
    {
        ArgumentNullException.ThrowIfNull(events);
        this.events = [.. events];
        entries = [.. this.events.Select(e => new DigestEntry(e, EventFormatter.Format(e, tallies)))];
        byTopic = this.events
            .SelectMany((e, index) => e.Topics.Select(t => (Topic: t.ToLowerInvariant(), Index: index)))
            .GroupBy(x => x.Topic)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray());
        mentions = new MentionCache(this.events);
    }

    /// <summary>What the subscription's topic and filters let through after <paramref name="cursor"/>, in seq order; when
    /// more than <paramref name="max"/> match, the <paramref name="max"/> most severe (the newest first among equals),
    /// and how many were left out (<see cref="DigestSelection"/>).</summary>
    public DigestSelection For(Subscription subscription, long cursor, int max)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var question = new Question(subscription.Topic, subscription.Filter, cursor, max);
        if (answers.TryGetValue(question, out var known))
        {
            return known;
        }

        if (!filters.TryGetValue(subscription.Filter, out var filter))
        {
            filters[subscription.Filter] = filter = CompiledFilter.Compile(subscription.Filter);
        }

        var matched = new List<int>();
        if (byTopic.TryGetValue(subscription.Topic.ToLowerInvariant(), out var indexes))
        {
            foreach (var index in indexes)
            {
                var e = events[index];
                if (e.Seq > cursor
                    && e.Status == EventStatus.Published
                    && e.Topics.Contains(subscription.Topic, StringComparer.OrdinalIgnoreCase)
                    && filter.Matches(e, mentions, index))
                {
                    matched.Add(index);
                }
            }
        }

        var kept = matched;
        int leftOut = 0, leftOutSeverity = 0;
        if (matched.Count > max)
        {
            var ranked = matched.OrderByDescending(i => events[i].Severity).ThenByDescending(i => events[i].Seq).ToList();
            kept = [.. ranked.Take(Math.Max(0, max)).Order()];
            leftOut = matched.Count - kept.Count;
            leftOutSeverity = ranked.Skip(kept.Count).Max(i => events[i].Severity);
        }

        // Different questions often have the same answer: hand out one selection for it, so what is built from it
        // (the digest's sections) can be built once too.
        var key = $"{string.Join(',', kept)}|{leftOut}|{leftOutSeverity}";
        if (!distinct.TryGetValue(key, out var answer))
        {
            distinct[key] = answer = new DigestSelection([.. kept.Select(i => entries[i])], leftOut, leftOutSeverity);
        }

        answers[question] = answer;
        return answer;
    }

    /// <summary>The filter by reference: the subscription store hands out one instance per distinct filter, and a
    /// different instance with the same content only costs a second, equal answer.</summary>
    private readonly record struct Question(string Topic, SubscriptionFilter Filter, long Cursor, int Max)
    {
        public bool Equals(Question other) =>
            string.Equals(Topic, other.Topic, StringComparison.Ordinal) && ReferenceEquals(Filter, other.Filter)
            && Cursor == other.Cursor && Max == other.Max;

        public override int GetHashCode() =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(Topic), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Filter), Cursor, Max);
    }
}
