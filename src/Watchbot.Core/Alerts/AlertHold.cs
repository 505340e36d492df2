using Watchbot.Core.Subscriptions;
using Watchbot.Core.Time;

namespace Watchbot.Core.Alerts;

/// <summary>Until when an alert to a chat is held by its quiet hours or snooze (null: send now).</summary>
public static class AlertHold
{
    public static DateTimeOffset? HeldUntil(ChatSettings? settings, DateTimeOffset now)
    {
        if (settings is null)
        {
            return null;
        }

        var at = now;
        for (var i = 0; i < 4; i++)
        {
            var moved = false;
            if (settings.SnoozeUntil is { } snooze && snooze > at)
            {
                at = snooze;
                moved = true;
            }

            if (settings.Quiet is { } quiet && QuietEnd(quiet, at) is { } end)
            {
                at = end;
                moved = true;
            }

            if (!moved)
            {
                break;
            }
        }

        return at > now ? at : null;
    }

    /// <summary>The end of the quiet period that <paramref name="at"/> falls in, or null when it falls in none.</summary>
    public static DateTimeOffset? QuietEnd(QuietHours quiet, DateTimeOffset at)
    {
        if (quiet.Start == quiet.End)
        {
            return null;
        }

        var zone = ZonedTime.TryFindZone(quiet.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = ZonedTime.LocalDate(at, zone);
        foreach (var startDay in new[] { today.AddDays(-1), today })
        {
            var start = ZonedTime.ToInstant(startDay, quiet.Start, zone);
            var endDay = quiet.End > quiet.Start ? startDay : startDay.AddDays(1);
            var end = ZonedTime.ToInstant(endDay, quiet.End, zone);
            if (start <= at && at < end)
            {
                return end;
            }
        }

        return null;
    }
}
