using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest.RateLimits;

namespace Watchbot.Discord.Rest;

/// <summary>
/// The Discord REST API over HTTP and nothing else: authorises every call, keeps every rate limit (per bucket,
/// global, invalid requests) on our side, retries 429s, 5xx answers and timeouts a bounded number of times, and
/// turns refusals into <see cref="DiscordApiException"/>. The token is sent in a header and never logged.
/// </summary>
public sealed class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/watchbot/watchbot, 1.0)";

    private readonly HttpClient http;
    private readonly DiscordOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<DiscordRestClient> logger;
    private readonly BucketRegistry buckets;
    private readonly GlobalRateLimiter global;
    private readonly InvalidRequestBudget invalid;
    private readonly Uri baseUri;

    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.logger = logger;
        buckets = new BucketRegistry(time);
        global = new GlobalRateLimiter(options.GlobalRequestsPerSecond, TimeSpan.FromSeconds(1), time);
        invalid = new InvalidRequestBudget(options.InvalidRequestBudget, time);
        baseUri = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
    }

    /// <summary>429 answers seen (each was waited out and retried).</summary>
    public int RateLimitedCount => rateLimited;

    public int RequestCount => requests;

    public InvalidRequestBudget InvalidRequests => invalid;

    private int rateLimited;
    private int requests;

    public async Task<TResponse> SendAsync<TResponse>(DiscordRequest<TResponse> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= options.MaxAttempts;
            if (invalid.Exhausted() is { } cooldown)
            {
                throw new DiscordTransientException(
                    $"Paused Discord calls: {options.InvalidRequestBudget} refused or rate-limited answers in 10 minutes (Discord bans at 10,000)", cooldown);
            }

            var outcome = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Success success:
                    return Read(request, success.Body);
                case Outcome.Transient transient when last:
                    throw new DiscordTransientException($"{request} failed {attempt} times: {transient.Reason}", transient.Wait, transient.Error);
                case Outcome.Transient transient:
                    logger.LogDebug("{Route}: {Reason}; retrying in {Wait}", request.Route, transient.Reason, transient.Wait);
                    await Task.Delay(transient.Wait, time, cancellationToken).ConfigureAwait(false);
                    break;
                case Outcome.Refused refused:
                    throw refused.Error;
            }
        }
    }

    private abstract record Outcome
    {
        public sealed record Success(byte[] Body) : Outcome;

        public sealed record Transient(string Reason, TimeSpan Wait, Exception? Error = null) : Outcome;

        public sealed record Refused(DiscordApiException Error) : Outcome;
    }

    private async Task<Outcome> SendOnceAsync<TResponse>(DiscordRequest<TResponse> request, CancellationToken cancellationToken)
    {
        var bucket = buckets.For(request.Route, request.MajorParameter);
        var lease = await bucket.AcquireAsync(cancellationToken).ConfigureAwait(false);
        RateLimitHeaders? headers = null;
        IDisposable? slot = null;
        try
        {
            if (request.CountsTowardGlobalLimit)
            {
                slot = await global.AcquireAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await global.WaitWhilePausedAsync(cancellationToken).ConfigureAwait(false);
            }

            using var message = new HttpRequestMessage(request.Method, new Uri(baseUri, request.Path)) { Content = request.CreateContent() };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            HttpResponseMessage response;
            Interlocked.Increment(ref requests);
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                return new Outcome.Transient($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", options.RetryBase, ex);
            }
            catch (HttpRequestException ex)
            {
                return new Outcome.Transient($"connection failed ({ex.HttpRequestError})", options.RetryBase, ex);
            }

            using (response)
            {
                headers = RateLimitHeaders.From(response.Headers);
                if (buckets.Learn(request.Route, headers.Bucket))
                {
                    buckets.For(request.Route, request.MajorParameter).Seed(headers);
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return Classify(request.Route, response.StatusCode, headers, body);
            }
        }
        finally
        {
            slot?.Dispose();
            bucket.Complete(lease, headers);
        }
    }

    private Outcome Classify(string route, HttpStatusCode status, RateLimitHeaders headers, byte[] body)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return new Outcome.Success(body);
        }

        var error = ParseError(body);
        if (status == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref rateLimited);
            var retryAfter = error?.RetryAfter is { } seconds && seconds >= 0 ? TimeSpan.FromSeconds(Math.Min(seconds, 3600)) : headers.ResetAfter ?? TimeSpan.FromSeconds(1);
            var isGlobal = headers.Global || error?.Global == true;
            if (!string.Equals(headers.Scope, "shared", StringComparison.OrdinalIgnoreCase))
            {
                invalid.Record();
            }

            if (isGlobal)
            {
                global.Pause(retryAfter);
            }

            logger.LogWarning("Discord rate-limited {Route} ({Scope}); waiting {RetryAfter} s", route, isGlobal ? "global" : headers.Scope ?? "route", retryAfter.TotalSeconds);
            return new Outcome.Transient("429 rate limited", retryAfter);
        }

        if (code >= 500)
        {
            return new Outcome.Transient($"{code} from Discord", options.RetryBase);
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            invalid.Record();
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            logger.LogError("Discord answered 401 Unauthorized to {Route}: the bot token is wrong or was reset; set Watchbot__Discord__Token", route);
        }

        return new Outcome.Refused(new DiscordApiException(status, error?.Code ?? 0, error?.Message ?? status.ToString(), route));
    }

    private static DiscordError? ParseError(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TResponse Read<TResponse>(DiscordRequest<TResponse> request, byte[] body)
    {
        if (request.ResponseType is null)
        {
            return default!;
        }

        try
        {
            return JsonSerializer.Deserialize(body, request.ResponseType)
                ?? throw new DiscordTransientException($"{request} answered an empty body", TimeSpan.FromSeconds(5));
        }
        catch (JsonException ex)
        {
            throw new DiscordTransientException($"{request} answered JSON the bot cannot read ({ex.Message})", TimeSpan.FromSeconds(5), ex);
        }
    }
}
