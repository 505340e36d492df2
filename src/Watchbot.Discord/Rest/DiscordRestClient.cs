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
/// A 429 from Discord's edge rather than from Discord (no JSON body, no Via header: a Cloudflare IP ban) stops every
/// call for <see cref="DiscordOptions.EdgeBlockPause"/>; a 401 that is not an expired interaction token stops the
/// transport, as the gateway's 4004 does.
/// </summary>
public sealed class DiscordRestClient
{
    /// <summary>The name of the client the host's <see cref="IHttpClientFactory"/> makes for Discord's REST API.</summary>
    public const string HttpClientName = "discord";

    public const string UserAgent = "DiscordBot (https://github.com/watchbot/watchbot, 1.0)";

    private readonly HttpClient http;
    private readonly DiscordOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<DiscordRestClient> logger;
    private readonly BucketRegistry buckets;
    private readonly GlobalRateLimiter global;
    private readonly InvalidRequestBudget invalid;
    private readonly Uri baseUri;
    private readonly DiscordTransportState state;
    private readonly Random random;
    private readonly Lock randomGate = new();
    private long edgeBlockedUntilTicks;

    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient> logger,
        DiscordTransportState? state = null, Random? random = null)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.state = state ?? new DiscordTransportState();
        this.random = random ?? new Random();
        buckets = new BucketRegistry(time);
        global = new GlobalRateLimiter(options.GlobalRequestsPerSecond, TimeSpan.FromSeconds(1), time);
        invalid = new InvalidRequestBudget(options.InvalidRequestBudget, time);
        baseUri = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
    }

    /// <summary>429 answers seen (each was waited out and retried).</summary>
    public int RateLimitedCount => rateLimited;

    public int RequestCount => requests;

    public InvalidRequestBudget InvalidRequests => invalid;

    /// <summary>The rate-limit buckets known now (idle ones are swept).</summary>
    public int BucketCount => buckets.Count;

    /// <summary>Until when Discord's edge blocked this IP, if it did and the block is not over.</summary>
    public DateTimeOffset? EdgeBlockedUntil =>
        Interlocked.Read(ref edgeBlockedUntilTicks) is var ticks && ticks > time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private int rateLimited;
    private int requests;

    public async Task<TResponse> SendAsync<TResponse>(DiscordRequest<TResponse> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= options.MaxAttempts;
            if (state.StoppedReason is { } stopped)
            {
                throw new DiscordTransientException("Discord transport stopped: " + stopped, TimeSpan.FromMinutes(10));
            }

            if (EdgeBlockedUntil is { } blocked)
            {
                throw new DiscordTransientException(
                    $"Paused Discord calls until {blocked:HH:mm:ss} UTC: Discord's edge (Cloudflare) blocked this IP", blocked - time.GetUtcNow());
            }

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
                case Outcome.Transient transient when last || EdgeBlockedUntil is not null:
                    throw new DiscordTransientException($"{request} failed {attempt} times: {transient.Reason}", transient.Wait ?? Backoff(attempt), transient.Error);
                case Outcome.Transient transient:
                    var wait = transient.Wait ?? Backoff(attempt);
                    logger.LogDebug("{Route}: {Reason}; retrying in {Wait}", request.Route, transient.Reason, wait);
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                    break;
                case Outcome.Refused refused:
                    throw refused.Error;
            }
        }
    }

    /// <summary>The delay after the <paramref name="attempt"/>-th failure: doubling from RetryBase, jittered, capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        double draw;
        lock (randomGate)
        {
            draw = random.NextDouble();
        }

        return JitteredBackoff.Delay(options.RetryBase, options.RetryMaxDelay, attempt - 1, draw);
    }

    private abstract record Outcome
    {
        public sealed record Success(byte[] Body) : Outcome;

        /// <summary>A passing failure: wait <paramref name="Wait"/> (null: the client's back-off) and try again.</summary>
        public sealed record Transient(string Reason, TimeSpan? Wait, Exception? Error = null) : Outcome;

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
            // Interaction endpoints are not bound by the global limit: they neither take a slot nor wait out a
            // global 429, or a 2.5 s pause would make a defer miss Discord's 3 seconds.
            if (request.CountsTowardGlobalLimit)
            {
                slot = await global.AcquireAsync(cancellationToken).ConfigureAwait(false);
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
                return new Outcome.Transient($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", null, ex);
            }
            catch (HttpRequestException ex)
            {
                return new Outcome.Transient($"connection failed ({ex.HttpRequestError})", null, ex);
            }

            using (response)
            {
                headers = RateLimitHeaders.From(response.Headers);
                if (buckets.Learn(request.Route, headers.Bucket))
                {
                    buckets.For(request.Route, request.MajorParameter).Seed(headers);
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return Classify(request.Route, response.StatusCode, headers, body, fromDiscord: response.Headers.Via.Count > 0);
            }
        }
        finally
        {
            slot?.Dispose();
            bucket.Complete(lease, headers);
        }
    }

    private Outcome Classify(string route, HttpStatusCode status, RateLimitHeaders headers, byte[] body, bool fromDiscord)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return new Outcome.Success(body);
        }

        var error = ParseError(body);
        if (status == HttpStatusCode.TooManyRequests && error is null && !fromDiscord)
        {
            invalid.Record();
            return EdgeBlocked(route);
        }

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
            return new Outcome.Transient($"{code} from Discord", null);
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            invalid.Record();
        }

        if (status == HttpStatusCode.Unauthorized && error?.Code == (int)DiscordErrorCode.InvalidWebhookToken)
        {
            // An interaction token lives 15 minutes: only that interaction is over.
            logger.LogWarning("Discord answered 401 (50027) to {Route}: the interaction's token expired; that interaction cannot be answered any more", route);
        }
        else if (status == HttpStatusCode.Unauthorized)
        {
            const string reason = "Discord answered 401 Unauthorized: the bot token is wrong or was reset; copy a new token from the Developer Portal (Bot page) into Watchbot__Discord__Token and restart";
            if (state.Stop(reason))
            {
                logger.LogCritical("Discord transport stopped: {Reason} (seen on {Route}). The rest of Watchbot keeps running.", reason, route);
            }
        }

        return new Outcome.Refused(new DiscordApiException(status, error?.Code ?? 0, error?.Message ?? status.ToString(), route));
    }

    /// <summary>A 429 without Discord's JSON and without the Via header Discord's own answers carry: Discord's edge
    /// (Cloudflare) banned this IP for a while, usually for too many invalid requests. Retrying only prolongs it.</summary>
    private Outcome.Transient EdgeBlocked(string route)
    {
        var until = time.GetUtcNow() + options.EdgeBlockPause;
        var previous = Interlocked.Exchange(ref edgeBlockedUntilTicks, until.UtcTicks);
        if (previous <= time.GetUtcNow().UtcTicks)
        {
            logger.LogCritical(
                "Discord's edge (Cloudflare) answered 429 without Discord's JSON to {Route}: this IP is banned for a while, usually after too many 401/403/429 answers. " +
                "Every Discord call pauses for {Pause} min, until {Until:HH:mm:ss} UTC; check the token and the logs for refused requests",
                route, options.EdgeBlockPause.TotalMinutes, until);
        }

        return new Outcome.Transient("429 from Discord's edge (Cloudflare block)", options.EdgeBlockPause);
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
