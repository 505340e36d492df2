using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
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
    ILogger<DigestService> logger,
    IChartRenderer? charts = null)
{
    public async Task<DigestRunResult> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nextDigest = new Dictionary<(DigestSchedule, DateTimeOffset), DateTimeOffset>();
        var due = (await subscriptions.ListDigestDueAsync(now, cancellationToken).ConfigureAwait(false))
            .Where(s => DigestClock.IsDue(s, now, nextDigest))
            .ToList();
        if (due.Count == 0)
        {
            return new DigestRunResult(0, 0, 0, 0);
        }

        var result = await ComposeAndQueueAsync(due, now, sendEmpty: settings.SendEmpty, asked: false, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Digest run: {Due} due, {Queued} queued, {Empty} with nothing new, {Skipped} already done elsewhere",
            result.Due, result.Queued, result.Empty, result.Skipped);
        return result;
    }

    /// <summary>The recap sent on subscribing: the digest of the lookback before now, counted as the first digest.
    /// Sends nothing when nothing happened. Returns how many events it holds.</summary>
    public async Task<int> RecapAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ComposeAndQueueAsync([subscription], now, sendEmpty: false, asked: true, cancellationToken).ConfigureAwait(false)).Events;

    /// <summary>Composes the digest of one subscription at once (/digest now) and counts it as delivered.</summary>
    public async Task<DigestRunResult> RunNowAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ComposeAndQueueAsync([subscription], now, sendEmpty: true, asked: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Reads the events once for the whole run (from the earliest cursor of the due subscriptions to a snapshot of the
    /// last seq), formats each once, then composes the digests batch by batch: each batch is queued in one transaction
    /// that moves every one of its subscriptions' cursors, so a crash loses no digest and repeats none. Batches already
    /// committed stay done; the rest stay due for the next run.
    /// </summary>
    private async Task<DigestRunResult> ComposeAndQueueAsync(
        IReadOnlyList<Subscription> due, DateTimeOffset now, bool sendEmpty, bool asked, CancellationToken cancellationToken)
    {
        var snapshot = await events.LastSeqAsync(cancellationToken).ConfigureAwait(false);
        var cursors = await StartCursorsAsync(due, cancellationToken).ConfigureAwait(false);
        var fresh = await ReadSinceAsync(cursors.DefaultIfEmpty(0).Min(), snapshot, cancellationToken).ConfigureAwait(false);
        var tallies = new TallyBook(await TallySourceAsync(fresh, cancellationToken).ConfigureAwait(false));
        var candidates = new DigestCandidates(fresh, tallies);
        var bodies = new Dictionary<DigestSelection, DigestBody>(ReferenceEqualityComparer.Instance);
        var batchSize = Math.Max(1, settings.BatchSize);
        var images = new Dictionary<(string Topic, DateOnly Day), MessageImage?>();

        int queued = 0, empty = 0, skipped = 0, lines = 0;
        var drafts = new List<DigestDraft>(Math.Min(batchSize, due.Count));
        var counts = new List<int>(drafts.Capacity);
        for (var start = 0; start < due.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            drafts.Clear();
            counts.Clear();
            for (var i = start; i < Math.Min(due.Count, start + batchSize); i++)
            {
                var subscription = due[i];
                var selection = candidates.For(subscription, cursors[i], settings.MaxEvents);
                var entries = selection.Entries;
                var period = new DigestPeriod(subscription.LastDigestAt ?? subscription.CreatedAt - settings.FirstDigestLookback, now, subscription.Digest.TimeZone);
                OutboxDraft? draft = null;
                if (entries.Count > 0 || sendEmpty)
                {
                    DigestBody? body;
                    if (entries.Count == 0)
                    {
                        body = new DigestBody([], DigestComposer.NothingNew(subscription.Topic, subscription.LastDigestAt, subscription.Digest.TimeZone));
                    }
                    else if (!bodies.TryGetValue(selection, out body))
                    {
                        bodies[selection] = body = DigestComposer.Body(selection);
                    }

                    var message = DigestComposer.Compose(subscription.Topic, period, body);
                    if (entries.Count > 0 && subscription.DigestChart)
                    {
                        message = message with { Image = await ChartAsync(images, subscription, now, cancellationToken).ConfigureAwait(false) };
                    }

                    draft = new OutboxDraft(subscription.Chat, message, subscription.Id, Asked: asked);
                }

                drafts.Add(new DigestDraft(subscription.Id, subscription.DigestCursor, Math.Max(snapshot, subscription.DigestCursor), draft,
                    subscription.Digest.Enabled ? DigestClock.NextAfter(subscription.Digest, now) : null));
                counts.Add(entries.Count);
            }

            var moved = await outbox.EnqueueDigestsAsync(drafts, now, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < drafts.Count; i++)
            {
                empty += drafts[i].Message is null ? 1 : 0;
                if (!moved[i])
                {
                    skipped++;
                }
                else if (drafts[i].Message is not null)
                {
                    queued++;
                    lines += counts[i];
                }
            }
        }

        return new DigestRunResult(due.Count, queued, empty, skipped, lines);
    }

    /// <summary>The chart of the subscription's topic as of its day (in its time zone), drawn once a run per topic and
    /// day; null when there is nothing to draw, no renderer, or drawing failed (the digest then goes as text alone).</summary>
    private async Task<MessageImage?> ChartAsync(Dictionary<(string, DateOnly), MessageImage?> drawn, Subscription subscription, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (charts is null)
        {
            return null;
        }

        var zone = Time.ZonedTime.TryFindZone(subscription.Digest.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var key = (subscription.Topic.ToLowerInvariant(), day);
        if (drawn.TryGetValue(key, out var image))
        {
            return image;
        }

        try
        {
            var history = await events.ListAsync(EventQuery.TallyHistory(subscription.Topic, from: day.AddDays(-(DigestChart.Days - 1))), cancellationToken)
                .ConfigureAwait(false);
            var chart = DigestChart.For(subscription.Topic, history, day);
            image = chart is null ? null : await charts.RenderAsync(chart, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not draw the chart of {Topic}; its digests go without it", subscription.Topic);
            image = null;
        }

        drawn[key] = image;
        return image;
    }

    /// <summary>Where each subscription's digest starts (in the order given). One that never had a digest starts from what
    /// changed in the lookback before it began; the store is asked once for all of those.</summary>
    private async Task<long[]> StartCursorsAsync(IReadOnlyList<Subscription> due, CancellationToken cancellationToken)
    {
        var firstTimes = due.Where(IsFirst).Select(FirstFrom).ToHashSet();
        var before = firstTimes.Count == 0
            ? new Dictionary<DateTimeOffset, long>()
            : await events.LastSeqsBeforeAsync(firstTimes, cancellationToken).ConfigureAwait(false);
        return [.. due.Select(s => IsFirst(s) ? before[FirstFrom(s)] : s.DigestCursor)];
    }

    private static bool IsFirst(Subscription subscription) => subscription.LastDigestAt is null && subscription.DigestCursor == 0;

    private DateTimeOffset FirstFrom(Subscription subscription) => subscription.CreatedAt - settings.FirstDigestLookback;

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

    /// <summary>Earlier figures of the tallies that appear in the fresh events, so the digest can show the change: those
    /// of the period before the earliest fresh event of each topic (older ones are never compared).</summary>
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
            var ofTopic = fresh.Where(e => e.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase));
            history.AddRange(await events.ListAsync(EventQuery.TallyHistory(topic, ofTopic), cancellationToken)
                .ConfigureAwait(false));
        }

        return history.Concat(fresh).DistinctBy(e => e.Id);
    }

    /// <summary>Alerts and recaps use the same item lines as digests.</summary>
    /// <summary>One event as an alert; its title shows the severity that let it through the subscription's threshold.</summary>
    public static OutgoingMessage Single(string topic, WatchEvent e, MessageKind kind, TallyBook? tallies = null) =>
        new(kind, $"{char.ToUpperInvariant(topic[0])}{topic[1..]} alert, severity {e.Severity} of 5", [new MessageSection(null, [EventFormatter.Format(e, tallies)])]);
}
