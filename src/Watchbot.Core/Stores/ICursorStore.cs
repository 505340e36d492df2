namespace Watchbot.Core.Stores;

public sealed record JobCursor(string Name, long Value, DateTimeOffset? UpdatedAt);

/// <summary>Named positions of readers (the poll job's seq, a platform's update offset or sync token, the last ingest).</summary>
public interface ICursorStore
{
    Task<JobCursor> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, long value, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A position that is text (a platform's sync token); null when never set.</summary>
    Task<string?> GetTextAsync(string name, CancellationToken cancellationToken);

    Task SetTextAsync(string name, string value, DateTimeOffset at, CancellationToken cancellationToken);
}

public static class CursorNames
{
    public const string Poll = "poll";
    public const string Ingest = "ingest";
}
