using Watchbot.Core.Events;

namespace Watchbot.Core.Stores;

/// <summary>
/// An existing event that an article adds to. <see cref="ExpectedSeq"/> is the seq the planner saw: if the event changed
/// since, the whole ingest is refused as a conflict. <see cref="Resequence"/> is true when a subscriber would see the
/// change (status, summary, figures, places); a merge that only adds a source keeps the seq, so corroboration alone
/// never re-alerts anyone.
/// </summary>
public sealed record EventMerge(long EventId, long ExpectedSeq, EventDraft Merged, bool Resequence);

/// <summary>One article and everything read from it, stored together or not at all.</summary>
public sealed record ArticleIngest(
    ArticleDraft Article,
    DateTimeOffset ReadAt,
    IReadOnlyList<EventDraft> NewEvents,
    IReadOnlyList<EventMerge> Merges);

/// <summary>An article read and extracted, not yet planned against the store: what <see cref="IArticleStore.IngestBatchAsync"/> takes.</summary>
public sealed record PreparedArticle(ArticleDraft Article, DateTimeOffset ReadAt, IReadOnlyList<EventDraft> Extracted);

/// <summary>
/// Decides how one prepared article meets the store, given the stored events it could merge into: those of the same kind
/// as one of its items and dated within a day of it, newest seq first. Each candidate carries only its sources from this
/// article's file or URL (all a merge needs to tell a repeated sentence from a new one); the store keeps the others.
/// </summary>
public delegate ArticleIngest IngestPlanning(PreparedArticle article, IReadOnlyList<WatchEvent> candidates);

public enum IngestStatus
{
    /// <summary>The article, its new events and its merges were written in one transaction.</summary>
    Stored,

    /// <summary>The article (same content hash or URL) was already there; nothing was written.</summary>
    Duplicate,

    /// <summary>An event to merge into changed after it was read; nothing was written, plan again.</summary>
    Conflict,
}

public sealed record ArticleIngestResult(
    IngestStatus Status,
    StoredArticle? Article,
    IReadOnlyList<WatchEvent> Added,
    IReadOnlyList<WatchEvent> Merged);
