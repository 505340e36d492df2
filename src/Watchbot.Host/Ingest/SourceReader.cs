using Watchbot.Core.Messages;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using System.Text;
using Watchbot.Core.Stores;
using Watchbot.Extraction.Parsing;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Ingest;

/// <summary>
/// Turns a source into the articles it holds: the files of a folder, the linked pages of a feed, or one page. What cannot
/// be read comes back as a failed <see cref="RawArticle"/> with its reason, so one bad item never stops the rest.
/// </summary>
/// <remarks>
/// A feed is asked with the validators of its last answer (If-None-Match, If-Modified-Since): one that answers 304 is
/// skipped. One that answers 429 or 503 with Retry-After is not asked again before then. The validators are kept only
/// once every item of the answer was read and its articles stored (<see cref="RememberAsync"/>), so an item that failed
/// or a run killed before storing them makes the next run read the feed again.
/// An article URL is fetched at most once across runs (<see cref="FetchPolicy"/>): not again once its article is stored,
/// its text turned out to be a duplicate, or it failed for good (a 4xx answer); a page that failed in a way that may pass
/// is asked again after a growing wait, a bounded number of times. Failures are recorded here as they happen.
/// </remarks>
public sealed class SourceReader(ArticleFetcher fetcher, IFetchLog fetchLog, ICursorStore cursors, IngestOptions options, TimeProvider time,
    ILogger<SourceReader> logger)
{
    private readonly ConcurrentDictionary<string, FeedState> answered = new(StringComparer.Ordinal);
    private readonly HostThrottle throttle = new(options.MaxFetches, options.MaxFetchesPerHost);

    public static readonly string[] ArticleExtensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    /// <summary>A feed may be larger than one article.</summary>
    private const int MaxFeedBytes = 4 * ArticleParser.MaxBytes;

    public async IAsyncEnumerable<RawArticle> ReadAsync(SourceSpec source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (source.Kind)
        {
            case SourceKind.Folder:
                foreach (var article in ReadFolder(source.Location))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return article;
                }

                break;
            case SourceKind.File:
                yield return ReadFile(source.Location);
                break;
            case SourceKind.Page:
                var before = await fetchLog.FindAsync(source.Location, cancellationToken).ConfigureAwait(false);
                if (!FetchPolicy.MayFetch(before, time.GetUtcNow()))
                {
                    LogNotFetched(source.Location, before!);
                    break;
                }

                yield return (await ReadPageAsync(source.Location, before, cancellationToken).ConfigureAwait(false)).Article;
                break;
            default:
                if (source.Kind == SourceKind.Url
                    && await fetchLog.FindAsync(source.Location, cancellationToken).ConfigureAwait(false) is { Verdict: not FetchVerdict.Failing } known)
                {
                    // A URL given by hand whose page was read before (a feed never is: only pages are logged).
                    LogNotFetched(source.Location, known);
                    break;
                }

                var cursor = FeedState.CursorName(source.Location);
                var state = FeedState.Read(await cursors.GetTextAsync(cursor, cancellationToken).ConfigureAwait(false));
                if (state.RetryAt is { } notBefore && notBefore > time.GetUtcNow())
                {
                    logger.LogInformation("{Feed} asked not to be read again before {RetryAt:u}; skipped this run", source.Location, notBefore);
                    break;
                }

                var fetched = await fetcher.FetchAsync(source.Location, MaxFeedBytes, cancellationToken, state).ConfigureAwait(false);
                if (fetched.NotModified)
                {
                    logger.LogInformation("{Feed} has not changed since it was last read (304)", source.Location);
                    break;
                }

                if (fetched.Bytes is null)
                {
                    if (fetched.Answer?.RetryAt is not null)
                    {
                        await cursors.SetTextAsync(cursor, (state with { RetryAt = fetched.Answer.RetryAt }).Write(), time.GetUtcNow(), cancellationToken)
                            .ConfigureAwait(false);
                    }

                    yield return RawArticle.Failed(source.Location, source.Location, fetched.Error!);
                    break;
                }

                var feed = FeedParser.Parse(Encoding.UTF8.GetString(fetched.Bytes));
                if (source.Kind == SourceKind.Url && !feed.Ok)
                {
                    // Not a feed: the URL is one article page.
                    yield return RawArticle.Read(source.Location, source.Location, fetched.Bytes);
                    break;
                }

                var progress = new FeedProgress { Whole = feed.Ok };
                await foreach (var article in ReadFeedAsync(source.Location, feed, progress, cancellationToken).ConfigureAwait(false))
                {
                    yield return article;
                }

                if (progress.Whole && fetched.Answer is { } answer && (answer.ETag ?? answer.LastModified) is not null)
                {
                    answered[source.Location] = answer;
                }

                break;
        }
    }

    /// <summary>
    /// Keeps the validators of the feed's last answer once its articles are stored: the next run sends them and skips the
    /// feed when it has not changed. Does nothing for a source that is not a feed, or whose answer was not read whole.
    /// </summary>
    public async Task RememberAsync(SourceSpec source, CancellationToken cancellationToken)
    {
        if (answered.TryRemove(source.Location, out var answer))
        {
            await cursors.SetTextAsync(FeedState.CursorName(source.Location), answer.Write(), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<RawArticle> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield return RawArticle.Failed(folder, null, "the folder does not exist");
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (ArticleExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            {
                yield return ReadFile(path);
            }
        }
    }

    private static RawArticle ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ArticleParser.MaxBytes)
            {
                return RawArticle.Failed(name, null, $"the file is {length / (1024 * 1024.0):0.#} MB, above the {ArticleParser.MaxBytes / (1024 * 1024)} MB limit for one article");
            }

            return RawArticle.Read(name, null, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return RawArticle.Failed(name, null, $"the file could not be read ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Fetches one article page; a failure is recorded in the fetch log at once. <c>Settled</c> is false when the
    /// page failed in a way that may pass, so it will be asked again in a later run.</summary>
    private async Task<(RawArticle Article, bool Settled)> ReadPageAsync(string url, FetchRecord? before, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, ArticleParser.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (fetched.Bytes is not null)
        {
            return (RawArticle.Read(url, url, fetched.Bytes), true);
        }

        var record = FetchPolicy.Failed(before, url, fetched.Error!, fetched.Permanent, time.GetUtcNow(), fetched.Answer?.RetryAt);
        await fetchLog.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        var settled = record.NotBefore is null;
        return (RawArticle.Failed(url, url, record.Verdict == FetchVerdict.Failing && settled
            ? $"{fetched.Error}; given up after {Counted.Of(record.Attempts, "attempt")}"
            : fetched.Error!), settled);
    }

    private void LogNotFetched(string url, FetchRecord record)
    {
        if (record.Verdict != FetchVerdict.Stored)
        {
            logger.LogDebug("{Url} is not fetched again: {Verdict} after {Attempts} attempts ({Reason}), may be asked again at {NotBefore:u}",
                url, record.Verdict, record.Attempts, record.Reason, record.NotBefore);
        }
    }

    /// <summary>Whether every item of a feed's answer was read or settled for good (then its validators may be kept).</summary>
    private sealed class FeedProgress
    {
        public bool Whole { get; set; }
    }

    private async IAsyncEnumerable<RawArticle> ReadFeedAsync(string feedUrl, FeedResult feed, FeedProgress progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!feed.Ok)
        {
            yield return RawArticle.Failed(feedUrl, feedUrl, feed.Error!);
            yield break;
        }

        // The pages are fetched in parallel (within the throttle) and handed on in the feed's order.
        var pages = new List<Task<(RawArticle Article, bool Settled)>>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in feed.Items.Take(options.MaxFeedItems))
        {
            if (!Uri.TryCreate(new Uri(feedUrl), item.Link, out var link) || link.Scheme is not ("http" or "https"))
            {
                pages.Add(Task.FromResult((RawArticle.Failed(item.Link, null, $"the feed links to '{item.Link}', which is not an http or https address"), true)));
                continue;
            }

            // A page stored, a duplicate or gone for good is not fetched again; one failing for now waits its turn.
            var url = link.AbsoluteUri;
            if (!listed.Add(url))
            {
                continue; // listed twice in the feed: fetched once
            }

            var before = await fetchLog.FindAsync(url, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (!FetchPolicy.MayFetch(before, now))
            {
                progress.Whole &= !FetchPolicy.Waiting(before, now);
                LogNotFetched(url, before!);
                continue;
            }

            pages.Add(throttle.RunAsync(link, token => ReadPageAsync(url, before, token), cancellationToken));
        }

        foreach (var page in pages)
        {
            var (article, settled) = await page.ConfigureAwait(false);
            progress.Whole &= settled;
            yield return article;
        }
    }
}
