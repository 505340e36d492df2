using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Telegram.Api.Requests;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api;

/// <summary>
/// The Bot API over HTTP, nothing else: one typed request per method and one I/O path that posts the JSON body to
/// {ApiBaseUrl}/bot{token}/{method} and unwraps the {ok, result, error_code, description, parameters} envelope into
/// the result or a <see cref="TelegramApiException"/>. The token never leaves this class in any text.
/// </summary>
public sealed class TelegramBotClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient http;
    private readonly string token;
    private readonly TimeSpan requestTimeout;
    private readonly ILogger logger;

    public TelegramBotClient(TelegramOptions options, ILogger<TelegramBotClient>? logger = null, HttpMessageHandler? handler = null)
    {
        token = options.Token;
        requestTimeout = options.RequestTimeout;
        this.logger = logger ?? NullLogger<TelegramBotClient>.Instance;
        http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 64,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Task<User> GetMeAsync(CancellationToken cancellationToken) => CallAsync(new GetMeRequest(), cancellationToken);

    public Task<Update[]> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken) =>
        CallAsync(new GetUpdatesRequest(offset, 100, timeoutSeconds, Update.Wanted), cancellationToken,
            TimeSpan.FromSeconds(timeoutSeconds) + requestTimeout);

    public Task<Message> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken) => CallAsync(request, cancellationToken);

    public Task<Message> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken cancellationToken) => CallAsync(request, cancellationToken);

    public Task<bool> AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken) =>
        CallAsync(new AnswerCallbackQueryRequest(callbackQueryId, text), cancellationToken);

    public Task<bool> SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, BotCommandScope scope, CancellationToken cancellationToken) =>
        CallAsync(new SetMyCommandsRequest(commands, scope), cancellationToken);

    public Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        CallAsync(new GetChatMemberRequest(chatId, userId), cancellationToken);

    public Task<ChatMember[]> GetChatAdministratorsAsync(long chatId, CancellationToken cancellationToken) =>
        CallAsync(new GetChatAdministratorsRequest(chatId), cancellationToken);

    public Task<bool> SetWebhookAsync(string url, string? secret, CancellationToken cancellationToken) =>
        CallAsync(new SetWebhookRequest(url, secret, Update.Wanted), cancellationToken);

    public Task<bool> DeleteWebhookAsync(CancellationToken cancellationToken) => CallAsync(new DeleteWebhookRequest(), cancellationToken);

    public Task<WebhookInfo> GetWebhookInfoAsync(CancellationToken cancellationToken) => CallAsync(new GetWebhookInfoRequest(), cancellationToken);

    /// <summary>The one I/O path. Throws <see cref="TelegramApiException"/> for every failure but the caller's cancellation.</summary>
    public async Task<TResult> CallAsync<TResult>(IBotRequest<TResult> request, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? requestTimeout);
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, request.RequestInfo));
        body.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"./bot{token}/{request.Method}", UriKind.Relative)) { Content = body };
        logger.LogDebug("Telegram {Method}", request.Method);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            return Unwrap(request, response.StatusCode, bytes);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw Fail(request.Method, new BotApiError(BotApiErrorKind.Timeout, 0, $"no answer within {(timeout ?? requestTimeout).TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException ex)
        {
            throw Fail(request.Method, new BotApiError(BotApiErrorKind.Network, 0, $"{ex.HttpRequestError}: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not TelegramApiException)
        {
            // Anything else the HTTP stack throws (a handler's InvalidOperationException, an IOException) carries
            // its own message, which may hold the request address: it leaves only as a redacted TelegramApiException.
            throw Fail(request.Method, new BotApiError(BotApiErrorKind.Network, 0, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    private TResult Unwrap<TResult>(IBotRequest<TResult> request, HttpStatusCode status, byte[] bytes)
    {
        ApiResponse<TResult>? envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize(bytes, request.ResponseInfo);
        }
        catch (JsonException)
        {
            // Not the Bot API's JSON (a proxy's error page): judged by the HTTP status below.
        }

        if (envelope is { Ok: true, Result: not null })
        {
            return envelope.Result;
        }

        if (envelope is { Ok: false })
        {
            throw Fail(request.Method, BotApiError.Classify(envelope.ErrorCode ?? (int)status, envelope.Description, envelope.Parameters));
        }

        var code = (int)status;
        throw Fail(request.Method, code is >= 200 and < 300
            ? new BotApiError(BotApiErrorKind.Other, code, "the answer was not a Bot API result")
            : BotApiError.Classify(code, $"HTTP {code} {status}", null));
    }

    private TelegramApiException Fail(string method, BotApiError error) =>
        new(method, error with { Description = TokenRedactor.Redact(error.Description, token) });

    public void Dispose() => http.Dispose();
}
