using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Watchbot.Fakes.Discord;

/// <summary>Where the fake is as strict as Discord: Cloudflare's IP ban after too many invalid requests, token
/// revocation, the 3-second interaction deadline and the 15-minute interaction token, and message nonces.</summary>
public sealed partial class FakeDiscord
{
    private readonly Queue<DateTimeOffset> invalidWindow = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> interactionStarted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, JsonObject Message)> nonces = new(StringComparer.Ordinal);
    private long bannedUntilTicks;
    private int edgeBlocks;
    private volatile bool revoked;

    /// <summary>401, 403 and 429 answers (shared-scope 429s excepted) in 10 minutes after which Cloudflare bans the IP
    /// (Discord: 10,000).</summary>
    public int CloudflareBanAfter { get; set; } = 10_000;

    /// <summary>How long a Cloudflare ban lasts.</summary>
    public TimeSpan CloudflareBanFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>HTML 429s without a Via header sent while the IP was banned.</summary>
    public int EdgeBlocks => edgeBlocks;

    /// <summary>Invalid requests (401, 403, non-shared 429) counted in the last 10 minutes.</summary>
    public int InvalidRequests
    {
        get
        {
            lock (invalidWindow)
            {
                TrimInvalid(DateTimeOffset.UtcNow);
                return invalidWindow.Count;
            }
        }
    }

    /// <summary>How long after INTERACTION_CREATE the first callback is taken (Discord: 3 seconds).</summary>
    public TimeSpan InteractionDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token works for edits and follow-ups (Discord: 15 minutes).</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a message nonce sent with enforce_nonce returns the message it created.</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Posts answered with the message an earlier post with the same nonce created (nothing new was posted).</summary>
    public int NonceRepeats => nonceRepeats;

    private int nonceRepeats;

    /// <summary>The bot token was reset in the Developer Portal: every REST call answers 401 and the gateway closes with 4004.</summary>
    public void RevokeToken() => revoked = true;

    private bool TokenAccepted(string? authorization) => !revoked && authorization == "Bot " + Token;

    private bool EdgeBanned() => Interlocked.Read(ref bannedUntilTicks) > DateTimeOffset.UtcNow.UtcTicks;

    /// <summary>Cloudflare's answer to a banned IP: an HTML page, no Discord JSON, no Via header.</summary>
    private async Task EdgeBlockAsync(HttpContext context, string route)
    {
        Interlocked.Increment(ref edgeBlocks);
        Requests.Enqueue(new FakeDiscordRequest(context.Request.Method, route, null, context.Request.Headers.Authorization,
            context.Request.Headers.UserAgent, 429, DateTimeOffset.UtcNow));
        context.Response.StatusCode = 429;
        context.Response.ContentType = "text/html";
        context.Response.Headers.RetryAfter = "3600";
        await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head>" +
            "<body><h1>Error 1015</h1><p>You are being rate limited.</p></body></html>", context.RequestAborted);
    }

    /// <summary>Counts an invalid answer toward Cloudflare's ban.</summary>
    private void CountInvalid(int status, IHeaderDictionary headers)
    {
        if (status is not (401 or 403 or 429) || (status == 429 && headers["X-RateLimit-Scope"] == "shared"))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        lock (invalidWindow)
        {
            TrimInvalid(now);
            invalidWindow.Enqueue(now);
            if (invalidWindow.Count >= CloudflareBanAfter)
            {
                Interlocked.Exchange(ref bannedUntilTicks, (now + CloudflareBanFor).UtcTicks);
            }
        }
    }

    private void TrimInvalid(DateTimeOffset now)
    {
        while (invalidWindow.Count > 0 && invalidWindow.Peek() + TimeSpan.FromMinutes(10) <= now)
        {
            invalidWindow.Dequeue();
        }
    }

    /// <summary>An INTERACTION_CREATE went out: its 3 seconds and its token's 15 minutes start now.</summary>
    private void InteractionStarted(string type, JsonNode data)
    {
        if (type == "INTERACTION_CREATE" && (string?)data["id"] is { } id)
        {
            interactionStarted.TryAdd(id, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>10062 for an interaction Discord never sent or whose 3 seconds are over.</summary>
    private (int, JsonNode?)? CallbackTooLate(string id) =>
        !interactionStarted.TryGetValue(id, out var started) || DateTimeOffset.UtcNow - started > InteractionDeadline
            ? (404, Error("Unknown interaction", 10062))
            : null;

    /// <summary>401 with 50027 for a token Discord never issued or that is older than 15 minutes.</summary>
    private (int, JsonNode?)? TokenExpired(string token) =>
        !interactionStarted.TryGetValue(IdOfToken(token), out var started) || DateTimeOffset.UtcNow - started > InteractionTokenLifetime
            ? (401, Error("Invalid Webhook Token", 50027))
            : null;

    /// <summary>With enforce_nonce, a second post with the same nonce in the channel returns the first message.</summary>
    private (int, JsonNode?)? Repeat(HttpContext context, string channel, JsonNode? body, out string? nonceKey)
    {
        nonceKey = null;
        if (body?["nonce"] is not { } nonceNode)
        {
            return null;
        }

        var nonce = nonceNode.ToString();
        if (nonce.Length > 25)
        {
            return (400, Error("Invalid Form Body: nonce is longer than 25 characters", 50035));
        }

        if ((bool?)body["enforce_nonce"] != true)
        {
            return null;
        }

        nonceKey = channel + "|" + nonce;
        if (nonces.TryGetValue(nonceKey, out var first) && DateTimeOffset.UtcNow - first.At < NonceWindow)
        {
            Interlocked.Increment(ref nonceRepeats);
            context.Items[RepeatKey] = true;
            return (200, first.Message.DeepClone());
        }

        return null;
    }

    private const string RepeatKey = "watchbot-fake-nonce-repeat";

    private static JsonObject Error(string message, int code) => new() { ["message"] = message, ["code"] = code };
}
