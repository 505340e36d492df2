using Watchbot.Core.Storage;

namespace Watchbot.Core.Events;

/// <summary>An event's status as a curator should read it: an event folded into another by /admin merge is stored as
/// withdrawn (so ingest never brings it back), but it was not rejected, and says which event it now lives in.</summary>
public static class EventStatusText
{
    public static async Task<string> DescribeAsync(WatchEvent e, IAuditLog audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(audit);
        if (e.Status != EventStatus.Rejected)
        {
            return e.Status.Name();
        }

        var merge = await audit.LatestAsync("merge", $"#{e.Id} into ", cancellationToken).ConfigureAwait(false);
        return merge is null ? e.Status.Name() : $"merged into {merge.Details[$"#{e.Id} into ".Length..]}";
    }
}
