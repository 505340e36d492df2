using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using System.Text;
using Watchbot.Core.Storage;
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
/// </remarks>
public sealed class SourceReader(ArticleFetcher fetcher, IArticleStore articles, ICursorStore cursors, IngestOptions options, TimeProvider time,
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
                yield return await ReadPageAsync(source.Location, cancellationToken).ConfigureAwait(false);
                break;
            default:
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

                var allRead = feed.Ok;
                await foreach (var article in ReadFeedAsync(source.Location, feed, cancellationToken).ConfigureAwait(false))
                {
                    allRead &= article.Bytes is not null;
                    yield return article;
                }

                if (allRead && fetched.Answer is { } answer && (answer.ETag ?? answer.LastModified) is not null)
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

    private async Task<RawArticle> ReadPageAsync(string url, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, ArticleParser.MaxBytes, cancellationToken).ConfigureAwait(false);
        return fetched.Bytes is null ? RawArticle.Failed(url, url, fetched.Error!) : RawArticle.Read(url, url, fetched.Bytes);
    }

    private async IAsyncEnumerable<RawArticle> ReadFeedAsync(string feedUrl, FeedResult feed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!feed.Ok)
        {
            yield return RawArticle.Failed(feedUrl, feedUrl, feed.Error!);
            yield break;
        }

        // The pages are fetched in parallel (within the throttle) and handed on in the feed's order.
        var pages = new List<Task<RawArticle>>();
        foreach (var item in feed.Items.Take(options.MaxFeedItems))
        {
            if (!Uri.TryCreate(new Uri(feedUrl), item.Link, out var link) || link.Scheme is not ("http" or "https"))
            {
                pages.Add(Task.FromResult(RawArticle.Failed(item.Link, null, $"the feed links to '{item.Link}', which is not an http or https address")));
                continue;
            }

            // A page already stored under its URL is not fetched again.
            if (await articles.FindAsync(null, link.AbsoluteUri, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            pages.Add(throttle.RunAsync(link, token => ReadPageAsync(link.AbsoluteUri, token), cancellationToken));
        }

        foreach (var page in pages)
        {
            yield return await page.ConfigureAwait(false);
        }
    }
}
