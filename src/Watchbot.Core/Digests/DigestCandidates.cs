using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

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
    private readonly Dictionary<Question, IReadOnlyList<DigestEntry>> answers = [];
    private readonly Dictionary<string, IReadOnlyList<DigestEntry>> distinct = new(StringComparer.Ordinal);

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

    /// <summary>The first <paramref name="max"/> events after <paramref name="cursor"/> that the subscription's topic and
    /// filters let through, oldest seq first.</summary>
    public IReadOnlyList<DigestEntry> For(Subscription subscription, long cursor, int max)
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

        var found = new List<DigestEntry>();
        var picked = new System.Text.StringBuilder();
        if (byTopic.TryGetValue(subscription.Topic.ToLowerInvariant(), out var indexes))
        {
            foreach (var index in indexes)
            {
                if (found.Count >= max)
                {
                    break;
                }

                var e = events[index];
                if (e.Seq > cursor
                    && e.Status == EventStatus.Published
                    && e.Topics.Contains(subscription.Topic, StringComparer.OrdinalIgnoreCase)
                    && filter.Matches(e, mentions, index))
                {
                    found.Add(entries[index]);
                    picked.Append(index).Append(',');
                }
            }
        }

        // Different questions often have the same answer: hand out one list for it, so what is built from the list
        // (the digest's sections) can be built once too.
        if (!distinct.TryGetValue(picked.ToString(), out var answer))
        {
            distinct[picked.ToString()] = answer = found;
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
