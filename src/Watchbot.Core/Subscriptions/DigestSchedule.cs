namespace Watchbot.Core.Subscriptions;

/// <summary>A daily digest at a local time of day in an IANA time zone.</summary>
public sealed record DigestSchedule(bool Enabled, TimeOnly TimeOfDay, string TimeZone)
{
    public static DigestSchedule Default { get; } = new(true, new TimeOnly(8, 0), "UTC");
}
