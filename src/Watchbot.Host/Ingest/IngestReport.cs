using Watchbot.Core.Events;
using Watchbot.Core.Storage;

namespace Watchbot.Host.Ingest;

public enum ArticleOutcome
{
    /// <summary>New: stored with the events read from it.</summary>
    Stored,

    /// <summary>Already stored (same text or same URL): nothing added.</summary>
    Duplicate,

    /// <summary>Could not be read or parsed; <see cref="ArticleReport.Reason"/> says why.</summary>
    Skipped,
}

/// <summary>What became of one article.</summary>
public sealed record ArticleReport(
    string Origin,
    ArticleOutcome Outcome,
    string? Reason = null,
    ArticleDraft? Article = null,
    IReadOnlyList<WatchEvent>? Added = null,
    IReadOnlyList<WatchEvent>? Merged = null)
{
    public IReadOnlyList<WatchEvent> AddedEvents => Added ?? [];

    public IReadOnlyList<WatchEvent> MergedEvents => Merged ?? [];
}

/// <summary>What one ingest run read, stored and skipped.</summary>
public sealed record IngestRunReport(IReadOnlyList<ArticleReport> Articles)
{
    public int Stored => Articles.Count(a => a.Outcome == ArticleOutcome.Stored);

    public int Duplicates => Articles.Count(a => a.Outcome == ArticleOutcome.Duplicate);

    public int Skipped => Articles.Count(a => a.Outcome == ArticleOutcome.Skipped);

    public int EventsAdded => Articles.Sum(a => a.AddedEvents.Count);

    public int EventsMerged => Articles.Sum(a => a.MergedEvents.Count);
}
