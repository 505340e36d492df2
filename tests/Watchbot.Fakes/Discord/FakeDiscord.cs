using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Watchbot.Fakes.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Watchbot.Fakes.Discord;

/// <summary>
/// A fake Discord on 127.0.0.1: the REST routes the bot uses (X-RateLimit headers on every route, buckets shared across
/// routes, per-resource and global limits (50 a second unless changed), 429s and 5xx on demand, JSON error codes per
/// channel, Cloudflare's ban after too many invalid requests, the interaction deadline and token life, nonces) and a Gateway that says Hello, accepts Identify and
/// Resume, sends READY, dispatches events (replayed on resume), and can drop the socket, send op 7 or op 9, stop
/// acknowledging heartbeats or close with any code. It records every call.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeRouteBuckets routeBuckets = new();
    private readonly Queue<DateTimeOffset> globalWindow = new();
    private readonly Lock gate = new();
    private long nextId = 1_100_000_000_000_000_000;
    private int forced429;
    private double forcedRetryAfter;
    private bool forcedGlobal;
    private bool forcedShared;
    private int forced5xx;

    private FakeDiscord(WebApplication app)
    {
        this.app = app;
    }

    public string Token { get; init; } = "fake-token-Mz.AbC.secret";

    public string ApplicationId { get; init; } = "900000000000000001";

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/v10";

    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    /// <summary>Where READY tells the bot to resume (a different path, so tests see it used).</summary>
    public string ResumeGatewayUrl
    {
        get => resumeGatewayUrl ?? GatewayUrl + "-resume";
        set => resumeGatewayUrl = value;
    }

    private string? resumeGatewayUrl;

    /// <summary>Messages per channel per window (Discord's typical 5 per 5 s).</summary>
    public int ChannelLimit { get; set; } = 5;

    public TimeSpan ChannelWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests a second across all non-interaction routes (Discord's default 50); null for no global limit.</summary>
    public int? GlobalLimit { get; set; } = 50;

    /// <summary>A channel id and the JSON error code its messages get (50001, 50013 as 403; 10003 as 404).</summary>
    public ConcurrentDictionary<string, int> ChannelErrors { get; } = new();

    /// <summary>An interaction id and the JSON error code its callback gets (10062 unknown interaction as 404).</summary>
    public ConcurrentDictionary<string, int> InteractionErrors { get; } = new();

    /// <summary>Every interaction callback answers 10062 (unknown interaction), as when the bot took over 3 seconds.</summary>
    public bool ExpireInteractions { get; set; }

    /// <summary>Discord's limits on Identify: the day's session starts and max_concurrency per identify window.</summary>
    public FakeIdentifyLimits IdentifyLimits { get; } = new();

    /// <summary>GET /gateway/bot's session_start_limit: remaining, reset_after (ms) and max_concurrency.</summary>
    public int SessionStartRemaining
    {
        get => IdentifyLimits.Remaining;
        set => IdentifyLimits.Remaining = value;
    }

    public long SessionStartResetAfterMs
    {
        get => IdentifyLimits.ResetAfterMs;
        set => IdentifyLimits.ResetAfterMs = value;
    }

    public int MaxConcurrency
    {
        get => IdentifyLimits.MaxConcurrency;
        set => IdentifyLimits.MaxConcurrency = value;
    }

    /// <summary>How often one rate-limit key may identify: 5 s as on Discord unless a test shortens it (and says why).</summary>
    public TimeSpan IdentifyWindow
    {
        get => IdentifyLimits.Window;
        set => IdentifyLimits.Window = value;
    }

    /// <summary>Second (or later) callbacks to one interaction, answered 40060 as Discord does.</summary>
    public int DuplicateCallbacks => duplicateCallbacks;

    private int duplicateCallbacks;

    public ConcurrentQueue<FakeDiscordRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, FakeInteractionAnswers> Interactions { get; } = new();

    public ConcurrentQueue<JsonNode> CommandRegistrations { get; } = new();

    public int TooManyRequests => tooMany;

    private int tooMany;

    /// <param name="token">The bot token the fake accepts (a distinctive one for secrecy tests).</param>
    public static async Task<FakeDiscord> StartAsync(string? token = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = token is null ? new FakeDiscord(app) : new FakeDiscord(app) { Token = token };
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The next <paramref name="count"/> REST calls (interactions excepted) answer 429.</summary>
    /// <param name="shared">A limit on a shared resource (X-RateLimit-Scope: shared), which Discord does not count as an
    /// invalid request.</param>
    public void RateLimitNext(int count, double retryAfterSeconds = 0.05, bool global = false, bool shared = false)
    {
        forcedShared = shared;
        forcedRetryAfter = retryAfterSeconds;
        forcedGlobal = global;
        Interlocked.Exchange(ref forced429, count);
    }

    /// <summary>Random faults for posted messages (500, 502, hang, reset, 429), as for the fake Bot API.</summary>
    public Watchbot.Fakes.Telegram.FakeFaultProfile? Faults { get; set; }

    /// <summary>One random fault. A hang or reset after accepting posts the message first (its answer is then lost).</summary>
    private async Task InjectAsync(HttpContext context, Watchbot.Fakes.Telegram.FakeFaultProfile profile, Watchbot.Fakes.Telegram.FakeFault fault,
        bool afterAccept, string route, JsonNode? body)
    {
        (int Status, JsonNode? Body) answer = fault switch
        {
            Watchbot.Fakes.Telegram.FakeFault.InternalServerError => (500, new JsonObject { ["message"] = "500: Internal Server Error", ["code"] = 0 }),
            Watchbot.Fakes.Telegram.FakeFault.TooManyRequests => TooMany(context.Response.Headers, profile.RetryAfterSeconds, false),
            _ => (0, null),
        };
        if (fault == Watchbot.Fakes.Telegram.FakeFault.BadGateway)
        {
            Requests.Enqueue(new FakeDiscordRequest("POST", route, body, context.Request.Headers.Authorization, context.Request.Headers.UserAgent, 502, DateTimeOffset.UtcNow));
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", context.RequestAborted);
            return;
        }

        if (answer.Status != 0)
        {
            Requests.Enqueue(new FakeDiscordRequest("POST", route, body, context.Request.Headers.Authorization, context.Request.Headers.UserAgent, answer.Status, DateTimeOffset.UtcNow));
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body!.ToJsonString(), context.RequestAborted);
            return;
        }

        if (afterAccept)
        {
            var (status, _) = Answer(context, "POST", route, body);
            var repeat = context.Items.ContainsKey(RepeatKey);
            Requests.Enqueue(new FakeDiscordRequest("POST", route, body, context.Request.Headers.Authorization, context.Request.Headers.UserAgent, status, DateTimeOffset.UtcNow)
                { Repeat = repeat });
            if (status == 200 && !repeat)
            {
                profile.CountLostAfterAccept();
            }
        }

        if (fault == Watchbot.Fakes.Telegram.FakeFault.ConnectionReset)
        {
            context.Abort();
            return;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }

    /// <summary>After <paramref name="after"/> more REST calls (interactions excepted), the next <paramref name="count"/> answer 502.</summary>
    public void FailNext(int count, int after = 0)
    {
        Interlocked.Exchange(ref forced5xxSkip, after);
        Interlocked.Exchange(ref forced5xx, count);
    }

    /// <summary>The next <paramref name="count"/> message posts are made, and then answered 502, as when the answer
    /// is lost on the way back (recorded with status 200: the message was posted).</summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref lostAnswers, count);

    private const string FilesKey = "files";

    private int forced5xxSkip;
    private int lostAnswers;

    /// <summary>The messages posted to a channel, in order.</summary>
    public IReadOnlyList<JsonNode> MessagesTo(string channelId) =>
        Requests.Where(r => r.Method == "POST" && r.Path == $"channels/{channelId}/messages" && r.Status == 200 && !r.Repeat).Select(r => r.Body!).ToList();

    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/gateway", StringComparison.Ordinal))
        {
            await GatewayAsync(context);
            return;
        }

        if (!path.StartsWith("/api/v10/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var route = path["/api/v10/".Length..];
        if (EdgeBanned())
        {
            await EdgeBlockAsync(context, route);
            return;
        }

        context.Response.Headers.Via = "1.1 google";
        JsonNode? body = null;
        List<FakeUpload>? files = null;
        if (context.Request.HasFormContentType)
        {
            // A message with files: multipart/form-data, the JSON in payload_json and each file in files[n].
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var payload = form["payload_json"].ToString();
            body = payload.Length == 0 ? null : JsonNode.Parse(payload);
            files = [];
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, context.RequestAborted);
                files.Add(new FakeUpload(file.Name + "|" + file.FileName, file.ContentType, buffer.ToArray()));
            }

            context.Items[FilesKey] = files;
        }
        else if (context.Request.ContentLength is > 0 || context.Request.Headers.ContentType.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }

        if (Faults is { } profile && context.Request.Method == "POST" && route.StartsWith("channels/", StringComparison.Ordinal)
            && route.EndsWith("/messages", StringComparison.Ordinal) && profile.Draw() is { } drawn)
        {
            await InjectAsync(context, profile, drawn.Fault, drawn.AfterAccept, route, body);
            return;
        }

        var (status, answer) = Answer(context, context.Request.Method, route, body);
        Requests.Enqueue(new FakeDiscordRequest(context.Request.Method, route, body, context.Request.Headers.Authorization,
            context.Request.Headers.UserAgent, status, DateTimeOffset.UtcNow) { Repeat = context.Items.ContainsKey(RepeatKey), Files = files });
        if (status == 200 && context.Request.Method == "POST" && route.EndsWith("/messages", StringComparison.Ordinal) && Interlocked.Decrement(ref lostAnswers) >= 0)
        {
            context.Response.StatusCode = 502;
            return;
        }

        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString());
        }
    }

    private (int Status, JsonNode? Body) Answer(HttpContext context, string method, string route, JsonNode? body)
    {
        var answer = AnswerUncounted(context, method, route, body);
        CountInvalid(answer.Status, context.Response.Headers);
        return answer;
    }

    private (int Status, JsonNode? Body) AnswerUncounted(HttpContext context, string method, string route, JsonNode? body)
    {
        var headers = context.Response.Headers;
        if (!TokenAccepted(context.Request.Headers.Authorization))
        {
            return (401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
        }

        var parts = route.Split('/');
        var interaction = parts[0] is "interactions" or "webhooks";
        if (!interaction)
        {
            if (Interlocked.Decrement(ref forced429) >= 0)
            {
                return TooMany(headers, forcedRetryAfter, forcedGlobal, forcedShared);
            }

            if (Interlocked.Decrement(ref forced5xxSkip) < 0 && Interlocked.Decrement(ref forced5xx) >= 0)
            {
                return (502, null);
            }

            if (GlobalLimit is { } limit)
            {
                lock (gate)
                {
                    var now = DateTimeOffset.UtcNow;
                    while (globalWindow.Count > 0 && globalWindow.Peek() + TimeSpan.FromSeconds(1) <= now)
                    {
                        globalWindow.Dequeue();
                    }

                    if (globalWindow.Count >= limit)
                    {
                        return TooMany(headers, (globalWindow.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds, true);
                    }

                    globalWindow.Enqueue(now);
                }
            }
        }

        if (Limit(headers, method, parts) is { } limited)
        {
            return limited;
        }

        return (method, parts) switch
        {
            ("GET", ["gateway", "bot"]) => (200, new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = 1,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = IdentifyLimits.Total, ["remaining"] = SessionStartRemaining, ["reset_after"] = SessionStartResetAfterMs, ["max_concurrency"] = MaxConcurrency,
                },
            }),
            ("POST", ["channels", var channel, "messages"]) => CreateMessage(context, channel, body),
            ("POST", ["users", "@me", "channels"]) => (200, new JsonObject { ["id"] = DmChannelOf((string?)body?["recipient_id"] ?? "0"), ["type"] = 1 }),
            ("PUT", ["applications", _, "commands"]) or ("PUT", ["applications", _, "guilds", _, "commands"]) => Register(body),
            ("POST", ["interactions", var id, _, "callback"]) => Callback(id, body!),
            ("PATCH", ["webhooks", _, var token, "messages", "@original"]) => TokenExpired(token) ?? Invalid(body) ?? Record(IdOfToken(token), a => a.Edits.Add(body!), 200, Message("0")),
            ("DELETE", ["webhooks", _, var token, "messages", "@original"]) => TokenExpired(token) ?? Record(IdOfToken(token), a => a.Deleted = true, 204, null),
            ("POST", ["webhooks", _, var token]) => TokenExpired(token) ?? Invalid(body) ?? Record(IdOfToken(token), a => a.Followups.Add(body!), 200, Message("0")),
            _ => (404, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 }),
        };
    }

    /// <summary>Each route's bucket, as Discord names them: messages per channel, interaction callbacks per interaction,
    /// and one bucket shared by every webhook route of an interaction token (edit, delete, follow-up).</summary>
    private (int, JsonNode?)? Limit(IHeaderDictionary headers, string method, string[] parts)
    {
        (string Hash, string Major, int Limit, TimeSpan Window)? bucket = (method, parts) switch
        {
            ("GET", ["gateway", "bot"]) => ("fake-gateway-bot", "", 50, TimeSpan.FromSeconds(5)),
            ("POST", ["channels", var channel, "messages"]) => ("fake-create-message", channel, ChannelLimit, ChannelWindow),
            ("POST", ["users", "@me", "channels"]) => ("fake-create-dm", "", 50, TimeSpan.FromSeconds(5)),
            ("PUT", ["applications", _, "commands"]) => ("fake-commands", "", 10, TimeSpan.FromSeconds(20)),
            ("PUT", ["applications", _, "guilds", var guild, "commands"]) => ("fake-commands", guild, 10, TimeSpan.FromSeconds(20)),
            ("POST", ["interactions", var id, _, "callback"]) => ("fake-interaction-callback", id, 5, TimeSpan.FromSeconds(1)),
            (_, ["webhooks", var application, var token, ..]) => ("fake-webhook", application + "/" + token, 5, TimeSpan.FromSeconds(1)),
            _ => null,
        };
        if (bucket is not { } b || routeBuckets.Take(headers, b.Hash, b.Major, b.Limit, b.Window, out var resetAfter))
        {
            return null;
        }

        return TooMany(headers, resetAfter, false);
    }

    private (int, JsonNode?) CreateMessage(HttpContext context, string channel, JsonNode? body)
    {
        if (ChannelErrors.TryGetValue(channel, out var code))
        {
            return (code == 10003 ? 404 : 403, new JsonObject { ["message"] = $"error {code}", ["code"] = code });
        }

        if (Repeat(context, channel, body, out var nonceKey) is { } repeat)
        {
            return repeat;
        }

        if (Invalid(body) is { } invalid)
        {
            return invalid;
        }

        var attachmentProblems = FakeEmbedRules.AttachmentViolations(body, context.Items[FilesKey] as List<FakeUpload> ?? []);
        if (attachmentProblems.Count > 0)
        {
            return (400, new JsonObject { ["message"] = "Invalid Form Body: " + string.Join("; ", attachmentProblems), ["code"] = 50035 });
        }

        var message = Message(channel);
        if (nonceKey is not null)
        {
            nonces[nonceKey] = (DateTimeOffset.UtcNow, message);
        }

        return (200, message);
    }

    /// <summary>400 with 50035 for a message body over Discord's content and embed limits.</summary>
    private static (int, JsonNode?)? Invalid(JsonNode? body)
    {
        var problems = FakeEmbedRules.Violations(body);
        return problems.Count > 0 ? (400, new JsonObject { ["message"] = "Invalid Form Body: " + string.Join("; ", problems), ["code"] = 50035 }) : null;
    }

    private (int, JsonNode?) TooMany(IHeaderDictionary headers, double retryAfter, bool global, bool shared = false)
    {
        Interlocked.Increment(ref tooMany);
        headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = global ? "global" : shared ? "shared" : "user";
        headers.Via = "1.1 google";
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        return (429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = Math.Round(retryAfter, 3), ["global"] = global });
    }

    /// <summary>The first callback is taken; a later one is 40060 (already acknowledged); a listed id gets its error.</summary>
    private (int, JsonNode?) Callback(string id, JsonNode body)
    {
        int code;
        if (ExpireInteractions ? (code = 10062) > 0 : InteractionErrors.TryGetValue(id, out code))
        {
            return (code == 10062 ? 404 : 400, new JsonObject { ["message"] = $"error {code}", ["code"] = code });
        }

        if (CallbackTooLate(id) is { } late)
        {
            return late;
        }

        if ((int?)body["type"] is 4 or 7 && Invalid(body["data"]) is { } invalid)
        {
            return invalid;
        }

        var answers = Interactions.GetOrAdd(id, _ => new FakeInteractionAnswers());
        lock (answers)
        {
            if (answers.Callbacks.Count > 0)
            {
                Interlocked.Increment(ref duplicateCallbacks);
                return (400, new JsonObject { ["message"] = "Interaction has already been acknowledged.", ["code"] = 40060 });
            }

            answers.Callbacks.Add(body);
        }

        return (204, null);
    }

    private (int, JsonNode?) Register(JsonNode? body)
    {
        var problems = FakeCommandRules.Violations(body);
        if (problems.Count > 0)
        {
            return (400, new JsonObject { ["message"] = "Invalid Form Body: " + string.Join("; ", problems), ["code"] = 50035 });
        }

        CommandRegistrations.Enqueue(body!.DeepClone());
        return (200, body.DeepClone());
    }

    private (int, JsonNode?) Record(string interactionId, Action<FakeInteractionAnswers> change, int status, JsonNode? answer)
    {
        var answers = Interactions.GetOrAdd(interactionId, _ => new FakeInteractionAnswers());
        lock (answers)
        {
            change(answers);
        }

        return (status, answer);
    }

    private JsonObject Message(string channel) => new() { ["id"] = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture), ["channel_id"] = channel };

    private readonly ConcurrentDictionary<string, string> dmChannels = new();

    /// <summary>The DM channel the fake opened for a user.</summary>
    public string DmChannelOf(string userId) => dmChannels.GetOrAdd(userId, _ => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture));

    /// <summary>Interaction tokens are "token-{id}", so answers find their interaction.</summary>
    private static string IdOfToken(string token) => token.StartsWith("token-", StringComparison.Ordinal) ? token["token-".Length..] : token;

    public async ValueTask DisposeAsync()
    {
        await CloseGatewayAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
