namespace Watchbot.Core.Events;

/// <summary>An event's status as a curator reads it: a merged event says which event it now lives in.</summary>
public static class EventStatusText
{
    public static string Describe(WatchEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is { Status: EventStatus.Merged, MergedInto: { } into } ? $"merged into #{into}" : e.Status.Name();
    }
}
