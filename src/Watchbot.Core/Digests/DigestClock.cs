using Watchbot.Core.Subscriptions;
using Watchbot.Core.Time;

namespace Watchbot.Core.Digests;

/// <summary>When a subscription's daily digest falls due, in the subscriber's own time zone.</summary>
public static class DigestClock
{
    /// <summary>The first scheduled time strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextAfter(DigestSchedule schedule, DateTimeOffset after)
    {
        var zone = ZonedTime.TryFindZone(schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var date = ZonedTime.LocalDate(after, zone).AddDays(-1);
        for (var i = 0; i < 4; i++, date = date.AddDays(1))
        {
            var at = ZonedTime.ToInstant(date, schedule.TimeOfDay, zone);
            if (at > after)
            {
                return at;
            }
        }

        throw new InvalidOperationException("No digest time within three days; the zone data is broken.");
    }

    /// <summary>A digest is due when a scheduled time has passed since the last digest (or since the subscription began).</summary>
    /// <param name="known">Next times already worked out, by (schedule, last digest): a run's many subscriptions share a few.</param>
    public static bool IsDue(Subscription subscription, DateTimeOffset now, IDictionary<(DigestSchedule, DateTimeOffset), DateTimeOffset>? known = null)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!subscription.Active || !subscription.Digest.Enabled)
        {
            return false;
        }

        var key = (subscription.Digest, subscription.LastDigestAt ?? subscription.CreatedAt);
        if (known is null || !known.TryGetValue(key, out var next))
        {
            next = NextAfter(key.Digest, key.Item2);
            if (known is not null)
            {
                known[key] = next;
            }
        }

        return next <= now;
    }
}
