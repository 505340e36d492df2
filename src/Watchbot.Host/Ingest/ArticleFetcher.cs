using System.Net;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Ingest;

/// <summary>Fetches a feed or a page over HTTP with a time limit and a size limit; failures come back as a reason, never thrown.</summary>
public sealed class ArticleFetcher(HttpClient http, IngestOptions options, TimeProvider? time = null)
{
    /// <summary>The longest Retry-After honoured: a server asking for more is asked again after a day.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    /// <param name="NotModified">The server answered 304 to the validators sent: nothing changed since.</param>
    /// <param name="Answer">The validators of this answer (to send next time), or when the server asked to be left alone until.</param>
    /// <param name="Permanent">The failure will not pass by asking again: a 4xx answer other than 408, 425 and 429, or too large.</param>
    public sealed record Fetched(byte[]? Bytes, string? Error, bool NotModified = false, FeedState? Answer = null, bool Permanent = false);

    /// <param name="previous">The validators of the last answer, sent as If-None-Match and If-Modified-Since.</param>
    public async Task<Fetched> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken, FeedState? previous = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.FetchTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5");
            if (previous?.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (previous?.LastModified is { } modified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified && previous is not null)
            {
                return new Fetched(null, null, NotModified: true, Answer: previous with { RetryAt = null });
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = $"the server answered {(int)response.StatusCode} {ReasonOf(response.StatusCode)}";
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && RetryAt(response) is { } at)
                {
                    return new Fetched(null, $"{error} and asked not to be asked again before {at:yyyy-MM-dd HH:mm:ss} UTC", Answer: FeedState.None with { RetryAt = at });
                }

                return new Fetched(null, error, Permanent: IsPermanent(response.StatusCode));
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return new Fetched(null, $"it is {response.Content.Headers.ContentLength / (1024 * 1024.0):0.#} MB, above the {maxBytes / (1024 * 1024)} MB limit",
                    Permanent: true);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new Fetched(null, $"it is larger than the {maxBytes / (1024 * 1024)} MB limit", Permanent: true);
                }

                buffer.Write(chunk, 0, read);
            }

            return new Fetched(buffer.ToArray(), null, Answer: new FeedState(
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                null));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Fetched(null, $"it did not answer within {options.FetchTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new Fetched(null, $"it could not be fetched ({ex.HttpRequestError}: {ex.Message.TrimEnd('.')})");
        }
        catch (IOException ex)
        {
            return new Fetched(null, $"the connection broke while reading it ({ex.Message.TrimEnd('.')})");
        }
    }

    private static string ReasonOf(HttpStatusCode code) => code.ToString();

    /// <summary>A client error other than a time-out (408), too early (425) or too many requests (429): asking again gives the same.</summary>
    private static bool IsPermanent(HttpStatusCode code) =>
        (int)code is >= 400 and < 500 and not 425 && code is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    /// <summary>When a Retry-After header (seconds or a date) lets the server be asked again, at most a day ahead.</summary>
    private DateTimeOffset? RetryAt(HttpResponseMessage response)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait is { } w ? now + (w < TimeSpan.Zero ? TimeSpan.Zero : w > MaxRetryAfter ? MaxRetryAfter : w) : null;
    }
}
