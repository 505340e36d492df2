namespace Watchbot.Core.Storage;

public sealed record JobCursor(string Name, long Value, DateTimeOffset? UpdatedAt);

/// <summary>Named positions of readers (the poll job's seq, Telegram's update offset, the last ingest).</summary>
public interface ICursorStore
{
    Task<JobCursor> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, long value, DateTimeOffset at, CancellationToken cancellationToken);
}

public static class CursorNames
{
    public const string Poll = "poll";
    public const string Ingest = "ingest";
}
