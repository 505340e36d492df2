using Watchbot.Core.Stores;

namespace Watchbot.Web;

/// <summary>The heartbeats `watchbot status` reads (cursors named alive.&lt;part&gt;), and the cursors of the jobs.</summary>
public interface IHeartbeats
{
    Task<IReadOnlyList<JobCursor>> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>What the review page needs to say why an event waits: the confidence under which extracted events are held.</summary>
public sealed record ReviewSettings(double ReviewBelow);
