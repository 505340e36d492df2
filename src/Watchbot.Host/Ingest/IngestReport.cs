using Watchbot.Core.Events;
using Watchbot.Core.Stores;

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

    /// <summary>Events added from the article (counted before they were let go, in a <see cref="Light"/> report).</summary>
    public int AddedCount => Counts?.Added ?? AddedEvents.Count;

    public int MergedCount => Counts?.Merged ?? MergedEvents.Count;

    private (int Added, int Merged)? Counts { get; init; }

    /// <summary>The report without its events, once they were handed on: a long run must not hold every event it touched.</summary>
    public ArticleReport Light() => this with { Added = null, Merged = null, Counts = (AddedCount, MergedCount) };
}

/// <summary>What one ingest run read, stored and skipped.</summary>
public sealed record IngestRunReport(IReadOnlyList<ArticleReport> Articles)
{
    public int Stored => Articles.Count(a => a.Outcome == ArticleOutcome.Stored);

    public int Duplicates => Articles.Count(a => a.Outcome == ArticleOutcome.Duplicate);

    public int Skipped => Articles.Count(a => a.Outcome == ArticleOutcome.Skipped);

    public int EventsAdded => Articles.Sum(a => a.AddedCount);

    public int EventsMerged => Articles.Sum(a => a.MergedCount);
}
