using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Watchbot.Fakes.Telegram;

/// <summary>
/// A fake Telegram Bot API on 127.0.0.1 (a port the OS picks): POST /bot{token}/{method} with JSON bodies, answered
/// in the documented envelope. It queues updates for getUpdates (long polling honours offset and timeout), records
/// every call, checks sendMessage's HTML and length as Telegram does, can enforce a global messages-per-second
/// limit with 429s, and can be told to answer 429, 403, 400 migrated, 502, 401, 409, or to hang; with a
/// <see cref="FakeFaultProfile"/> it fails a share of sendMessage calls at random.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmn";
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<JsonObject> updates = [];
    private readonly ConcurrentDictionary<long, ConcurrentQueue<FakeFailure>> chatFailures = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFailure>> methodFailures = new();
    private readonly ConcurrentDictionary<long, FakeFailure> chatAlways = new();
    private readonly ConcurrentDictionary<(long Chat, long User), string> statuses = new();
    private readonly Queue<DateTimeOffset> accepted = new();
    private readonly ConcurrentDictionary<(long Chat, long Message), (string Html, string? Markup)> messages = new();
    private readonly ConcurrentDictionary<string, bool> callbacks = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim arrived = new(0);
    private long nextUpdateId = 1000;
    private long nextMessageId = 1;
    private string webhookUrl = "";
    private string? webhookSecret;

    private FakeBotApiServer(string token)
    {
        Token = token;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = 10_000);
        app = builder.Build();
        app.MapPost("/bot{token}/{method}", (RequestDelegate)HandleAsync);
    }

    public string Token { get; }

    public string BotUsername { get; set; } = "WatchbotTestBot";

    public long BotId { get; } = 123456789;

    /// <summary>http://127.0.0.1:port, for Watchbot:Telegram:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, sendMessage beyond this many a second (a sliding one-second window) gets 429 retry_after 1.</summary>
    public int? GlobalLimitPerSecond { get; set; }

    public ConcurrentQueue<FakeCall> Calls { get; } = new();

    public ConcurrentQueue<FakeSentMessage> Sent { get; } = new();

    /// <summary>Every accepted sendPhoto, in order (message ids are shared with <see cref="Sent"/>, so order across both shows).</summary>
    public ConcurrentQueue<FakeSentPhoto> Photos { get; } = new();

    /// <summary>Every accepted editMessageText, in order.</summary>
    public ConcurrentQueue<FakeSentMessage> Edited { get; } = new();

    public int TooManyRequestsAnswered => tooMany;

    /// <summary>When set, a share of the sendMessage calls that no scripted failure claims fail at random (500, 502,
    /// a hang, a connection reset, 429 with retry_after).</summary>
    public FakeFaultProfile? Faults { get; set; }

    private int tooMany;

    public static async Task<FakeBotApiServer> StartAsync(string token = DefaultToken)
    {
        var server = new FakeBotApiServer(token);
        await server.app.StartAsync().ConfigureAwait(false);
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    // ---- what tests tell the fake ----

    /// <summary>Queues a text message from a user; returns its update_id.</summary>
    public long EnqueueText(long chatId, long userId, string text, string chatType = "private", long? messageId = null) =>
        EnqueueUpdate(id => Text(id, chatId, userId, text, chatType, messageId));

    /// <summary>Queues a press on an inline button of a message the bot sent; returns its update_id.</summary>
    public long EnqueueCallback(long chatId, long userId, long messageId, string data, string chatType = "private") =>
        EnqueueUpdate(id => Callback(id, chatId, userId, messageId, data, chatType));

    /// <summary>A callback_query update as Telegram makes it; its id becomes answerable (once).</summary>
    public JsonObject Callback(long updateId, long chatId, long userId, long messageId, string data, string chatType = "private")
    {
        callbacks.TryAdd("cb" + updateId, false);
        return new JsonObject
        {
            ["update_id"] = updateId,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb" + updateId,
                ["from"] = User(userId),
                ["message"] = new JsonObject { ["message_id"] = messageId, ["chat"] = Chat(chatId, chatType), ["date"] = 0, ["text"] = "…" },
                ["chat_instance"] = "ci" + chatId,
                ["data"] = data,
            },
        };
    }

    /// <summary>A text message update as Telegram makes it.</summary>
    public JsonObject Text(long updateId, long chatId, long userId, string text, string chatType = "private", long? messageId = null) => new()
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId ?? Interlocked.Increment(ref nextMessageId),
            ["from"] = User(userId),
            ["chat"] = Chat(chatId, chatType),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        },
    };

    /// <summary>A fresh update_id, for updates a test delivers itself (to a webhook).</summary>
    public long NextUpdateId()
    {
        lock (gate)
        {
            return ++nextUpdateId;
        }
    }

    public long EnqueueUpdate(Func<long, JsonObject> make)
    {
        lock (gate)
        {
            var id = ++nextUpdateId;
            updates.Add(make(id));
            arrived.Release();
            return id;
        }
    }

    /// <summary>The user's status in a group for getChatMember: "creator", "administrator", "member", ...</summary>
    public void SetMemberStatus(long chatId, long userId, string status) => statuses[(chatId, userId)] = status;

    /// <summary>The next sends to this chat fail so, in order; later ones succeed.</summary>
    public void FailNext(long chatId, params FakeFailure[] failures)
    {
        var queue = chatFailures.GetOrAdd(chatId, _ => new ConcurrentQueue<FakeFailure>());
        foreach (var failure in failures)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>Every send to this chat fails so.</summary>
    public void FailAlways(long chatId, FakeFailure failure) => chatAlways[chatId] = failure;

    /// <summary>The next calls of a method (any chat) fail so, in order.</summary>
    public void FailNextCalls(string method, params FakeFailure[] failures)
    {
        var queue = methodFailures.GetOrAdd(method, _ => new ConcurrentQueue<FakeFailure>());
        foreach (var failure in failures)
        {
            queue.Enqueue(failure);
        }
    }

    public IReadOnlyList<FakeCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    public IReadOnlyList<FakeSentMessage> SentTo(long chatId) => Sent.Where(m => m.ChatId == chatId).ToList();

    public string WebhookUrl
    {
        get
        {
            lock (gate)
            {
                return webhookUrl;
            }
        }
    }

    /// <summary>The secret_token of the last setWebhook (null when none was given or the webhook was deleted).</summary>
    public string? WebhookSecret
    {
        get
        {
            lock (gate)
            {
                return webhookSecret;
            }
        }
    }

    /// <summary>
    /// Does what Telegram does with an update while a webhook is set: POSTs it as JSON with the secret_token in
    /// X-Telegram-Bot-Api-Secret-Token. <paramref name="endpoint"/> stands for the reverse proxy (the registered
    /// URL is the public one); <paramref name="secret"/> overrides the header (empty: no header at all). Returns the
    /// HTTP status the bot answered.
    /// </summary>
    public async Task<int> DeliverToWebhookAsync(JsonObject update, Uri? endpoint = null, string? secret = null, CancellationToken cancellationToken = default)
    {
        var target = endpoint ?? new Uri(WebhookUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var header = secret ?? WebhookSecret;
        if (!string.IsNullOrEmpty(header))
        {
            request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", header);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; true if it did.</summary>
    public async Task<bool> WaitUntilAsync(Func<FakeBotApiServer, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(this))
            {
                return true;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return condition(this);
    }

    // ---- the protocol ----

    private async Task HandleAsync(HttpContext context)
    {
        var arrivedAt = DateTimeOffset.UtcNow;
        var token = (string)context.Request.RouteValues["token"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        JsonObject body;
        var files = new Dictionary<string, FakeUpload>(StringComparer.Ordinal);
        if (context.Request.HasFormContentType)
        {
            // A file upload (sendPhoto) comes as multipart/form-data: every field a string (objects as JSON), files as parts.
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            body = [];
            foreach (var (name, value) in form)
            {
                var text = value.ToString();
                body[name] = long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(text);
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                files[file.Name] = new FakeUpload(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else
        {
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject ?? [];
            }
            catch (System.Text.Json.JsonException)
            {
                body = [];
            }
        }

        Calls.Enqueue(new FakeCall(method, body, DateTimeOffset.UtcNow));
        if (token != Token)
        {
            await WriteAsync(context, Error(401, "Unauthorized")).ConfigureAwait(false);
            return;
        }

        var failure = NextFailure(method, body);
        if (failure is null && method is "sendMessage" or "sendPhoto" && Faults?.Draw() is { } drawn)
        {
            await InjectAsync(context, Faults, drawn.Fault, drawn.AfterAccept, method, body, files, arrivedAt).ConfigureAwait(false);
            return;
        }

        failure = failure is FakeFailure.Pass ? null : failure;
        if (failure is FakeFailure.Hang)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (failure is FakeFailure.BadGateway)
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var answer = failure is not null and not FakeFailure.LateAnswer
            ? Answer(failure)
            : await DispatchAsync(method, body, files, arrivedAt, context.RequestAborted).ConfigureAwait(false);
        if (failure is FakeFailure.LateAnswer late)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await Task.Delay(late.By, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    /// <summary>One random fault. A hang or reset after accepting does the call first (the message counts as sent).</summary>
    private async Task InjectAsync(HttpContext context, FakeFaultProfile profile, FakeFault fault, bool afterAccept, string method, JsonObject body,
        Dictionary<string, FakeUpload> files, DateTimeOffset arrivedAt)
    {
        switch (fault)
        {
            case FakeFault.InternalServerError:
                await WriteAsync(context, Error(500, "Internal Server Error")).ConfigureAwait(false);
                return;
            case FakeFault.BadGateway:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
                return;
            case FakeFault.TooManyRequests:
                await WriteAsync(context, Answer(new FakeFailure.TooManyRequests(profile.RetryAfterSeconds))).ConfigureAwait(false);
                return;
        }

        if (afterAccept && (await DispatchAsync(method, body, files, arrivedAt, context.RequestAborted).ConfigureAwait(false))["ok"]!.GetValue<bool>())
        {
            profile.CountLostAfterAccept();
        }

        if (fault == FakeFault.ConnectionReset)
        {
            context.Abort();
            return;
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, both.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, or the fake stops.
        }
    }

    private FakeFailure? NextFailure(string method, JsonObject body)
    {
        if (methodFailures.TryGetValue(method, out var byMethod) && byMethod.TryDequeue(out var f))
        {
            return f;
        }

        if (method is "sendMessage" or "sendPhoto" or "editMessageText" && body["chat_id"] is { } chat && chat.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var id = chat.GetValue<long>();
            if (chatAlways.TryGetValue(id, out var always))
            {
                return always;
            }

            if (chatFailures.TryGetValue(id, out var queue) && queue.TryDequeue(out var next))
            {
                return next;
            }
        }

        return null;
    }

    private JsonObject Answer(FakeFailure failure)
    {
        if (failure is FakeFailure.TooManyRequests)
        {
            Interlocked.Increment(ref tooMany);
        }

        return failure switch
        {
            FakeFailure.TooManyRequests t => Error(429, $"Too Many Requests: retry after {t.RetryAfter}", new JsonObject { ["retry_after"] = t.RetryAfter }),
            FakeFailure.Blocked => Error(403, "Forbidden: bot was blocked by the user"),
            FakeFailure.Kicked => Error(403, "Forbidden: bot was kicked from the supergroup chat"),
            FakeFailure.ChatNotFound => Error(400, "Bad Request: chat not found"),
            FakeFailure.Migrated m => Error(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = m.NewChatId }),
            FakeFailure.Unauthorized => Error(401, "Unauthorized"),
            FakeFailure.Conflict => Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
            _ => Error(500, "Internal Server Error"),
        };
    }

    private async Task<JsonObject> DispatchAsync(string method, JsonObject body, Dictionary<string, FakeUpload> files, DateTimeOffset arrivedAt,
        CancellationToken aborted) => method switch
    {
        "sendPhoto" => SendPhoto(body, files, arrivedAt),
        "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Watchbot", ["username"] = BotUsername }),
        "getUpdates" => await GetUpdatesAsync(body, aborted).ConfigureAwait(false),
        "sendMessage" => SendMessage(body, arrivedAt),
        "editMessageText" => EditMessage(body),
        "answerCallbackQuery" => AnswerCallback(body),
        "setMyCommands" => Ok(true),
        "getChatMember" => Ok(Member(body["chat_id"]!.GetValue<long>(), body["user_id"]!.GetValue<long>())),
        "getChatAdministrators" => Ok(new JsonArray(statuses.Where(s => s.Key.Chat == body["chat_id"]!.GetValue<long>() && s.Value is "creator" or "administrator")
            .Select(s => (JsonNode)Member(s.Key.Chat, s.Key.User)).ToArray())),
        "setWebhook" => SetWebhook(body["url"]?.GetValue<string>() ?? "", body["secret_token"]?.GetValue<string>()),
        "deleteWebhook" => SetWebhook("", null),
        "getWebhookInfo" => Ok(new JsonObject { ["url"] = WebhookUrl, ["has_custom_certificate"] = false, ["pending_update_count"] = 0 }),
        _ => Error(404, "Not Found"),
    };

    private async Task<JsonObject> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        if (WebhookUrl.Length > 0)
        {
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var limit = body["limit"]?.GetValue<int>() ?? 100;
        var timeout = TimeSpan.FromSeconds(Math.Clamp(body["timeout"]?.GetValue<int>() ?? 0, 0, 50));
        var deadline = DateTime.UtcNow + timeout;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping.Token);
        while (true)
        {
            SemaphoreSlim signal;
            lock (gate)
            {
                if (offset > 0)
                {
                    updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
                }

                var ready = updates.Where(u => u["update_id"]!.GetValue<long>() >= offset).Take(limit).ToList();
                if (ready.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    return Ok(new JsonArray(ready.Select(u => (JsonNode)u.DeepClone()).ToArray()));
                }

                signal = arrived;
            }

            try
            {
                await signal.WaitAsync(deadline - DateTime.UtcNow, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Ok(new JsonArray());
            }
        }
    }

    private JsonObject SendMessage(JsonObject body, DateTimeOffset arrivedAt)
    {
        if (body["chat_id"] is not { } chatNode || chatNode.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return Error(400, "Bad Request: chat_id is empty");
        }

        var chatId = chatNode.GetValue<long>();
        var html = body["text"]?.GetValue<string>() ?? "";
        var (text, error) = IsHtml(body) ? FakeHtml.Parse(html) : (html, null);
        if (error is not null)
        {
            return Error(400, "Bad Request: can't parse entities: " + error);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (MarkupProblem(body) is { } markupProblem)
        {
            return Error(400, markupProblem);
        }

        if (text.Length > 4096)
        {
            return Error(400, "Bad Request: message is too long");
        }

        if (GlobalLimitPerSecond is { } limit && !Admit(limit, arrivedAt))
        {
            Interlocked.Increment(ref tooMany);
            return Error(429, "Too Many Requests: retry after 1", new JsonObject { ["retry_after"] = 1 });
        }

        var id = Interlocked.Increment(ref nextMessageId);
        messages[(chatId, id)] = (html, body["reply_markup"]?.ToJsonString());
        Sent.Enqueue(new FakeSentMessage(chatId, id, html, text, body));
        return Ok(new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Watchbot", ["username"] = BotUsername },
            ["chat"] = Chat(chatId, chatId < 0 ? "supergroup" : "private"),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        });
    }

    /// <summary>A photo uploaded as multipart/form-data, as Telegram takes it: a file in the "photo" part or in the part
    /// that photo names as attach://name (a file_id or URL string is refused here: the bot always uploads), a caption of at most 1,024 characters after entity parsing, and
    /// the same global limit as messages.</summary>
    private JsonObject SendPhoto(JsonObject body, Dictionary<string, FakeUpload> files, DateTimeOffset arrivedAt)
    {
        if (body["chat_id"] is not { } chatNode || chatNode.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return Error(400, "Bad Request: chat_id is empty");
        }

        // The file is the "photo" part itself, or a part that photo names as attach://<part name>.
        var named = body["photo"]?.GetValue<string>() is { } reference && reference.StartsWith("attach://", StringComparison.Ordinal) ? reference["attach://".Length..] : "photo";
        if (!files.TryGetValue(named, out var photo) || photo.Bytes.Length == 0)
        {
            return Error(400, "Bad Request: there is no photo in the request");
        }

        if (photo.Bytes.Length > 10 * 1024 * 1024)
        {
            return Error(400, "Bad Request: file is too big");
        }

        var html = body["caption"]?.GetValue<string>() ?? "";
        var (caption, error) = IsHtml(body) ? FakeHtml.Parse(html) : (html, null);
        if (error is not null)
        {
            return Error(400, "Bad Request: can't parse entities: " + error);
        }

        if ((caption ?? "").Length > 1024)
        {
            return Error(400, "Bad Request: message caption is too long");
        }

        if (GlobalLimitPerSecond is { } limit && !Admit(limit, arrivedAt))
        {
            Interlocked.Increment(ref tooMany);
            return Error(429, "Too Many Requests: retry after 1", new JsonObject { ["retry_after"] = 1 });
        }

        var chatId = chatNode.GetValue<long>();
        var id = Interlocked.Increment(ref nextMessageId);
        Photos.Enqueue(new FakeSentPhoto(chatId, id, photo.FileName, photo.Bytes, html, caption ?? "", body));
        return Ok(new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Watchbot", ["username"] = BotUsername },
            ["chat"] = Chat(chatId, chatId < 0 ? "supergroup" : "private"),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo" + id, ["file_unique_id"] = "u" + id, ["width"] = 800, ["height"] = 450 }),
            ["caption"] = caption,
        });
    }

    /// <summary>Edits a message the bot sent, as Telegram does: unknown messages and edits that change nothing are refused.</summary>
    private JsonObject EditMessage(JsonObject body)
    {
        var chatId = body["chat_id"]?.GetValue<long>() ?? 0;
        var messageId = body["message_id"]?.GetValue<long>() ?? 0;
        var html = body["text"]?.GetValue<string>() ?? "";
        var (text, error) = IsHtml(body) ? FakeHtml.Parse(html) : (html, null);
        if (error is not null)
        {
            return Error(400, "Bad Request: can't parse entities: " + error);
        }

        if (MarkupProblem(body) is { } markupProblem)
        {
            return Error(400, markupProblem);
        }

        var markup = body["reply_markup"]?.ToJsonString();
        if (!messages.TryGetValue((chatId, messageId), out var current))
        {
            return Error(400, "Bad Request: message to edit not found");
        }

        if (current.Html == html && current.Markup == markup)
        {
            return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }

        messages[(chatId, messageId)] = (html, markup);
        Edited.Enqueue(new FakeSentMessage(chatId, messageId, html, text!, body));
        return Ok(new JsonObject { ["message_id"] = messageId, ["chat"] = Chat(chatId, chatId < 0 ? "supergroup" : "private"), ["date"] = 0, ["text"] = text });
    }

    /// <summary>Telegram reads parse_mode without regard to case: Telegram.Bot sends "Html".</summary>
    private static bool IsHtml(JsonObject body) => string.Equals(body["parse_mode"]?.GetValue<string>(), "HTML", StringComparison.OrdinalIgnoreCase);

    /// <summary>Telegram's rules for inline keyboards: button text not empty, callback_data 1-64 bytes.</summary>
    private static string? MarkupProblem(JsonObject body)
    {
        if (body["reply_markup"]?["inline_keyboard"] is not JsonArray rows)
        {
            return null;
        }

        foreach (var button in rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()))
        {
            if (string.IsNullOrEmpty(button["text"]?.GetValue<string>()))
            {
                return "Bad Request: text buttons are unallowed in the inline keyboard";
            }

            var data = button["callback_data"]?.GetValue<string>() ?? "";
            if (Encoding.UTF8.GetByteCount(data) is 0 or > 64)
            {
                return "Bad Request: BUTTON_DATA_INVALID";
            }
        }

        return null;
    }

    /// <summary>A callback query is answered once; an unknown or answered one is refused as Telegram does.</summary>
    private JsonObject AnswerCallback(JsonObject body)
    {
        var id = body["callback_query_id"]?.GetValue<string>() ?? "";
        return callbacks.TryUpdate(id, true, false)
            ? Ok(true)
            : Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    /// <summary>A sliding one-second window over the arrival times of accepted messages.</summary>
    private bool Admit(int limit, DateTimeOffset now)
    {
        lock (accepted)
        {
            while (accepted.Count > 0 && accepted.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                accepted.Dequeue();
            }

            if (accepted.Count >= limit)
            {
                return false;
            }

            accepted.Enqueue(now);
            return true;
        }
    }

    private JsonObject SetWebhook(string url, string? secret)
    {
        if (url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        lock (gate)
        {
            webhookUrl = url;
            webhookSecret = secret;
        }

        return Ok(true);
    }

    private JsonObject Member(long chatId, long userId) => new()
    {
        ["status"] = statuses.TryGetValue((chatId, userId), out var status) ? status : "member",
        ["user"] = User(userId),
    };

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "User" + id, ["username"] = "user" + id };

    private static JsonObject Chat(long id, string type) => type == "private"
        ? new JsonObject { ["id"] = id, ["type"] = type, ["first_name"] = "User" + id }
        : new JsonObject { ["id"] = id, ["type"] = type, ["title"] = "Group " + id };

    private static JsonObject Ok(JsonNode result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description, JsonObject? parameters = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            error["parameters"] = parameters;
        }

        return error;
    }

    private static async Task WriteAsync(HttpContext context, JsonObject answer)
    {
        context.Response.StatusCode = answer["ok"]!.GetValue<bool>() ? 200 : answer["error_code"]!.GetValue<int>();
        context.Response.ContentType = "application/json";
        try
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
        arrived.Dispose();
    }
}
