namespace Watchbot.Core.Stores;

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Details);

/// <summary>Every admin action, who did it and when. Append-only.</summary>
public interface IAuditLog
{
    Task AddAsync(string actor, string action, string details, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken);

    /// <summary>The newest entry of <paramref name="action"/> whose details start with <paramref name="detailsPrefix"/>, if any.</summary>
    Task<AuditEntry?> LatestAsync(string action, string detailsPrefix, CancellationToken cancellationToken);
}
