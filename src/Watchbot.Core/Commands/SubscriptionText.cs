using System.Globalization;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands;

/// <summary>How subscriptions and filters read in replies, in the same words the commands take.</summary>
public static class SubscriptionText
{
    public static string Describe(Subscription s)
    {
        var scope = s.UserId is null ? "" : " (personal)";
        var state = s.Active ? "" : " [inactive]";
        return $"{s.Topic}{scope}{state}: {Settings(s)}";
    }

    /// <summary>The schedule, alerts and filters of a subscription, without its topic.</summary>
    public static string Settings(Subscription s)
    {
        var digest = s.Digest.Enabled
            ? $"daily digest at {s.Digest.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} {s.Digest.TimeZone}{(s.DigestChart ? " with chart" : ", chart off")}"
            : "digest off";
        var alerts = s.AlertsEnabled ? $"alerts on for severity>={s.AlertMinSeverity}" : "alerts off";
        return $"{digest}; {alerts}; filters: {Describe(s.Filter)}";
    }

    public static string Describe(SubscriptionFilter f)
    {
        if (f.IsEmpty)
        {
            return "none (everything in the topic)";
        }

        var parts = new List<string>();
        if (f.Kinds.Count > 0)
        {
            parts.Add("kinds=" + string.Join(",", f.Kinds.Select(k => k.Name())));
        }

        if (f.MinSeverity > 1)
        {
            parts.Add($"severity>={f.MinSeverity}");
        }

        Add("places", f.Places);
        Add("actors", f.Actors);
        Add("include", f.Include);
        Add("exclude", f.Exclude);
        return string.Join(" ", parts);

        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add(name + "=" + string.Join(",", values));
            }
        }
    }
}
