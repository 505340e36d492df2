using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Storage;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Digests;

/// <param name="Events">How many event lines the queued digests hold in all.</param>
public sealed record DigestRunResult(int Due, int Queued, int Empty, int Skipped, int Events = 0);

/// <summary>
/// Finds the subscriptions whose digest is due and queues each digest in the same transaction that
/// moves its cursor, so a crash at any point neither loses a digest nor composes it twice.
/// </summary>
public sealed class DigestService(
    IEventStore events,
    ISubscriptionStore subscriptions,
    IOutboxStore outbox,
    DigestSettings settings,
    ILogger<DigestService> logger)
{
    public async Task<DigestRunResult> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = (await subscriptions.ListActiveAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => DigestClock.IsDue(s, now))
            .ToList();
        if (due.Count == 0)
        {
            return new DigestRunResult(0, 0, 0, 0);
        }

        var result = await ComposeAndQueueAsync(due, now, sendEmpty: settings.SendEmpty, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Digest run: {Due} due, {Queued} queued, {Empty} with nothing new, {Skipped} already done elsewhere",
            result.Due, result.Queued, result.Empty, result.Skipped);
        return result;
    }

    /// <summary>The recap sent on subscribing: the digest of the lookback before now, counted as the first digest.
    /// Sends nothing when nothing happened. Returns how many events it holds.</summary>
    public async Task<int> RecapAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ComposeAndQueueAsync([subscription], now, sendEmpty: false, cancellationToken).ConfigureAwait(false)).Events;

    /// <summary>Composes the digest of one subscription at once (/digest now) and counts it as delivered.</summary>
    public async Task<DigestRunResult> RunNowAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ComposeAndQueueAsync([subscription], now, sendEmpty: true, cancellationToken).ConfigureAwait(false);

    private async Task<DigestRunResult> ComposeAndQueueAsync(
        IReadOnlyList<Subscription> due, DateTimeOffset now, bool sendEmpty, CancellationToken cancellationToken)
    {
        var snapshot = await events.LastSeqAsync(cancellationToken).ConfigureAwait(false);
        var cursors = new Dictionary<long, long>();
        foreach (var subscription in due)
        {
            cursors[subscription.Id] = await StartCursorAsync(subscription, cancellationToken).ConfigureAwait(false);
        }

        var fresh = await ReadSinceAsync(cursors.Values.DefaultIfEmpty(0).Min(), snapshot, cancellationToken).ConfigureAwait(false);
        var tallies = new TallyBook(await TallySourceAsync(fresh, cancellationToken).ConfigureAwait(false));
        var byTopic = fresh
            .SelectMany(e => e.Topics.Select(t => (Topic: t.ToLowerInvariant(), Entry: new DigestEntry(e, EventFormatter.Format(e, tallies)))))
            .GroupBy(x => x.Topic)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Entry).ToList());

        int queued = 0, empty = 0, skipped = 0, lines = 0;
        foreach (var subscription in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cursor = cursors[subscription.Id];
            var entries = (byTopic.GetValueOrDefault(subscription.Topic.ToLowerInvariant()) ?? [])
                .Where(e => e.Event.Seq > cursor && FilterMatcher.Matches(subscription, e.Event))
                .Take(settings.MaxEvents)
                .ToList();
            var period = new DigestPeriod(subscription.LastDigestAt ?? subscription.CreatedAt - settings.FirstDigestLookback, now, subscription.Digest.TimeZone);
            OutboxDraft? draft = null;
            if (entries.Count > 0 || sendEmpty)
            {
                draft = new OutboxDraft(subscription.Chat, DigestComposer.Compose(subscription.Topic, period, entries), subscription.Id);
            }
            else
            {
                empty++;
            }

            var moved = await outbox.EnqueueDigestAsync(subscription.Id, subscription.DigestCursor, Math.Max(snapshot, subscription.DigestCursor), now, draft, cancellationToken)
                .ConfigureAwait(false);
            if (!moved)
            {
                skipped++;
            }
            else if (draft is not null)
            {
                queued++;
                lines += entries.Count;
            }
        }

        return new DigestRunResult(due.Count, queued, empty, skipped, lines);
    }

    /// <summary>A subscription that never had a digest starts from what changed in the lookback before it began.</summary>
    private async Task<long> StartCursorAsync(Subscription subscription, CancellationToken cancellationToken) =>
        subscription.LastDigestAt is null && subscription.DigestCursor == 0
            ? await events.LastSeqBeforeAsync(subscription.CreatedAt - settings.FirstDigestLookback, cancellationToken).ConfigureAwait(false)
            : subscription.DigestCursor;

    private async Task<List<WatchEvent>> ReadSinceAsync(long afterSeq, long upToSeq, CancellationToken cancellationToken)
    {
        var all = new List<WatchEvent>();
        var cursor = afterSeq;
        while (cursor < upToSeq)
        {
            var page = await events.ListAsync(new EventQuery { AfterSeq = cursor, Status = EventStatus.Published, Limit = 1000 }, cancellationToken)
                .ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page.Where(e => e.Seq <= upToSeq));
            cursor = page[^1].Seq;
        }

        return all;
    }

    /// <summary>Earlier figures of the tallies that appear in the fresh events, so the digest can show the change.</summary>
    private async Task<IEnumerable<WatchEvent>> TallySourceAsync(List<WatchEvent> fresh, CancellationToken cancellationToken)
    {
        if (!fresh.Any(e => e.Casualties.Any(c => c.Cumulative)))
        {
            return fresh;
        }

        var topics = fresh.SelectMany(e => e.Topics).Distinct(StringComparer.OrdinalIgnoreCase);
        var history = new List<WatchEvent>();
        foreach (var topic in topics)
        {
            history.AddRange(await events.ListAsync(new EventQuery { Topic = topic, Status = EventStatus.Published, Limit = 5000 }, cancellationToken)
                .ConfigureAwait(false));
        }

        return history.Concat(fresh).DistinctBy(e => e.Id);
    }

    /// <summary>Alerts and recaps use the same item lines as digests.</summary>
    public static OutgoingMessage Single(string topic, WatchEvent e, MessageKind kind, TallyBook? tallies = null) =>
        new(kind, $"{char.ToUpperInvariant(topic[0])}{topic[1..]} alert", [new MessageSection(null, [EventFormatter.Format(e, tallies)])]);
}
