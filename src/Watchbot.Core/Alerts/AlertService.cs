using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;

using Watchbot.Core.Subscriptions;
namespace Watchbot.Core.Alerts;

public sealed record PollResult(int Events, int Alerts, long Cursor);

/// <summary>
/// The poll job's logic: reads the events past its cursor, matches them against every subscription with
/// alerts on, and queues the alerts in the same transaction that moves the cursor.
/// </summary>
public sealed class AlertService(
    IEventStore events,
    ISubscriptionStore subscriptions,
    IOutboxStore outbox,
    ICursorStore cursors,
    IChatSettingsStore chatSettings,
    ILogger<AlertService> logger)
{
    public const int BatchSize = 500;

    public async Task<PollResult> PollAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cursor = await cursors.GetAsync(CursorNames.Poll, cancellationToken).ConfigureAwait(false);
        var fresh = await events.ListAsync(new EventQuery { AfterSeq = cursor.Value, Status = null, Limit = BatchSize }, cancellationToken)
            .ConfigureAwait(false);
        if (fresh.Count == 0)
        {
            await cursors.SetAsync(CursorNames.Poll, cursor.Value, now, cancellationToken).ConfigureAwait(false);
            return new PollResult(0, 0, cursor.Value);
        }

        var alerting = (await subscriptions.ListActiveAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.AlertsEnabled)
            .ToList();
        var filters = alerting.ToDictionary(s => s.Id, s => CompiledFilter.Compile(s));
        var holds = (await chatSettings.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Chat, s => AlertHold.HeldUntil(s, now));
        var drafts = new List<OutboxDraft>();
        foreach (var e in fresh.Where(e => e.Status == EventStatus.Published))
        {
            foreach (var subscription in alerting)
            {
                if (e.Severity >= subscription.AlertMinSeverity && filters[subscription.Id].Matches(e))
                {
                    var alert = DigestService.Single(subscription.Topic, e, MessageKind.Alert);
                    drafts.Add(holds.GetValueOrDefault(subscription.Chat) is { } until
                        ? new OutboxDraft(subscription.Chat, alert, subscription.Id, until, Held: true)
                        : new OutboxDraft(subscription.Chat, alert, subscription.Id));
                }
            }
        }

        var next = fresh[^1].Seq;
        if (!await outbox.EnqueueWithCursorAsync(CursorNames.Poll, cursor.Value, next, drafts, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("The poll cursor moved under this run (another poller?); nothing queued, the next run starts from the new cursor");
            return new PollResult(fresh.Count, 0, cursor.Value);
        }

        await cursors.SetAsync(CursorNames.Poll, next, now, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Poll: {Events} up to change {Seq}, {Alerts} queued", Counted.Of(fresh.Count, "new event"), next, Counted.Of(drafts.Count, "alert"));
        return new PollResult(fresh.Count, drafts.Count, next);
    }
}
