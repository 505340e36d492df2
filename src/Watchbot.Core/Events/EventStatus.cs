namespace Watchbot.Core.Events;

/// <summary>Only published events reach subscribers; pending ones wait for a curator. Rejected and merged events are
/// withdrawn: a merged one was not wrong, it now lives in another event (<see cref="WatchEvent.MergedInto"/>).</summary>
public enum EventStatus
{
    Published,
    Pending,
    Rejected,
    Merged,
}

/// <summary>What a status means for readers and for ingest.</summary>
public static class EventStatuses
{
    /// <summary>Withdrawn events stay withdrawn when a new article reports them again, so ingest never brings them back.</summary>
    public static bool IsWithdrawn(this EventStatus status) => status is EventStatus.Rejected or EventStatus.Merged;
}
