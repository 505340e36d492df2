using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Watchbot.Telegram.Api;

/// <summary>
/// Every Bot API call goes through here: the Telegram.Bot client does the HTTP and the JSON; this class gives each
/// call its deadline and turns every failure but the caller's cancellation into a <see cref="TelegramApiException"/>
/// whose text never holds the token (it sits in every request path, and the HTTP stack may quote it).
/// </summary>
public sealed class BotApi(ITelegramBotClient client, TelegramOptions options, ILogger<BotApi>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<BotApi>.Instance;

    /// <summary>The library's client, for the calls themselves (always run through <see cref="CallAsync{T}"/>).</summary>
    public ITelegramBotClient Client => client;

    /// <summary>The name of the client the host's <see cref="IHttpClientFactory"/> makes for the Bot API.</summary>
    public const string HttpClientName = "telegram";

    /// <summary>Makes the library client for these options over <paramref name="http"/> (the factory's, or a test's with
    /// its fake): the base address of a local Bot API server (or the fake), and no retries of its own, so a 429 comes
    /// back at once and the outbox and the rate limiter decide when to try again.</summary>
    public static TelegramBotClient CreateClient(TelegramOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new TelegramBotClientOptions(options.Token, options.ApiBaseUrl) { RetryThreshold = 0, RetryCount = 0 };
        return new TelegramBotClient(settings, http);
    }

    /// <summary>Runs one call within RequestTimeout (or <paramref name="timeout"/>). Throws <see cref="TelegramApiException"/>
    /// for every failure but the caller's own cancellation.</summary>
    public async Task<T> CallAsync<T>(string method, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? options.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        logger.LogDebug("Telegram {Method}", method);
        try
        {
            return await call(client, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw Fail(method, new BotApiError(BotApiErrorKind.Timeout, 0, $"no answer within {limit.TotalSeconds:0.#} s"));
        }
        catch (ApiRequestException ex)
        {
            throw Fail(method, BotApiError.Classify(ex.ErrorCode, ex.Message, ex.Parameters?.RetryAfter, ex.Parameters?.MigrateToChatId));
        }
        catch (RequestException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(method, new BotApiError(BotApiErrorKind.Timeout, 0, $"no answer within {limit.TotalSeconds:0.#} s"));
        }
        catch (RequestException ex) when (ex.HttpStatusCode is { } status)
        {
            // An answer that was not the Bot API's JSON (a proxy's 502 page): judged by its HTTP status.
            var code = (int)status;
            throw Fail(method, code is >= 200 and < 300
                ? new BotApiError(BotApiErrorKind.Other, code, "the answer was not a Bot API result")
                : BotApiError.Classify(code, $"HTTP {code} {status}", null, null));
        }
        catch (Exception ex) when (ex is not TelegramApiException)
        {
            // The connection failed, or the HTTP stack threw something of its own, whose message may hold the
            // request address: it leaves only as a redacted TelegramApiException, without the inner exception.
            var cause = ex.InnerException is { } inner ? $"{ex.Message} ({inner.GetType().Name}: {inner.Message})" : $"{ex.GetType().Name}: {ex.Message}";
            throw Fail(method, new BotApiError(BotApiErrorKind.Network, 0, cause));
        }
    }

    private TelegramApiException Fail(string method, BotApiError error) =>
        new(method, error with { Description = TokenRedactor.Redact(error.Description, options.Token) });
}
