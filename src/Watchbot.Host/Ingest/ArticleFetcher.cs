using System.Net;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Ingest;

/// <summary>Fetches a feed or a page over HTTP with a time limit and a size limit; failures come back as a reason, never thrown.</summary>
public sealed class ArticleFetcher(HttpClient http, IngestOptions options)
{
    public sealed record Fetched(byte[]? Bytes, string? Error);

    public async Task<Fetched> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.FetchTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd("Watchbot/1.0 (news monitoring)");
            request.Headers.Accept.ParseAdd("text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new Fetched(null, $"the server answered {(int)response.StatusCode} {ReasonOf(response.StatusCode)}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return new Fetched(null, $"it is {response.Content.Headers.ContentLength / (1024 * 1024.0):0.#} MB, above the {maxBytes / (1024 * 1024)} MB limit");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new Fetched(null, $"it is larger than the {maxBytes / (1024 * 1024)} MB limit");
                }

                buffer.Write(chunk, 0, read);
            }

            return new Fetched(buffer.ToArray(), null);
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
}
