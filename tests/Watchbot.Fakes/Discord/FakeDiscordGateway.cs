using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Watchbot.Fakes.Discord;

public sealed partial class FakeDiscord
{
    private readonly List<(long Seq, string Type, JsonNode Data)> events = [];
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private WebSocket? socket;
    private long sequence;
    private string? sessionId;
    private int sessions;

    /// <summary>Hello's heartbeat_interval in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>The current connection gets no more Heartbeat ACKs; the next one does again (a zombie, once).</summary>
    public void StopAcknowledgingThisConnection() => Volatile.Write(ref unackedConnection, Volatile.Read(ref liveConnection));

    /// <summary>The number of the connection that receives new events (past READY or RESUMED); 0 before the first.</summary>
    public int LiveConnection => Volatile.Read(ref liveConnection);

    private int unackedConnection = -1;
    private int liveConnection;

    /// <summary>Close the socket with this code when the next Identify arrives (4004 for a bad token).</summary>
    public int? CloseOnIdentify { get; set; }

    public int Connections => connections;

    public int Identifies => identifies;

    public int Resumes => resumes;

    public int Heartbeats => heartbeats;

    public bool Connected => socket?.State == WebSocketState.Open;

    /// <summary>The last Identify payload's d.</summary>
    public JsonNode? LastIdentify { get; private set; }

    /// <summary>The paths the gateway was connected on ("/gateway", "/gateway-resume").</summary>
    public List<string> GatewayPaths { get; } = [];

    /// <summary>The close codes the bot closed its sockets with, in order (1000 on shutdown, 4000 to resume).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> ClientCloseCodes { get; } = new();

    /// <summary>How late past Hello's interval a heartbeat may be before the connection is closed with 4009.</summary>
    public TimeSpan HeartbeatGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The close codes the fake closed connections with for broken rules (4005, 4008, 4009).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> RuleCloses { get; } = new();

    /// <summary>Resumes sent on a connection that was not opened on the resume URL (answered op 9, not resumable).</summary>
    public int ResumesOffTheResumeUrl => resumesOffTheResumeUrl;

    private int resumesOffTheResumeUrl;

    private int connections;
    private int identifies;
    private int resumes;
    private int heartbeats;

    /// <summary>Sends an event with the next sequence number now, or keeps it for the resume when nobody is connected.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        await dispatchLock.WaitAsync();
        try
        {
            long seq;
            lock (events)
            {
                seq = ++sequence;
                events.Add((seq, type, data));
            }

            InteractionStarted(type, data);

            await TrySendAsync(new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = type, ["d"] = data.DeepClone() });
        }
        finally
        {
            dispatchLock.Release();
        }
    }

    /// <summary>Dispatches a slash command as INTERACTION_CREATE and returns its id (its token is "token-{id}").</summary>
    public async Task<string> SendCommandAsync(string name, IEnumerable<(string Name, string Value)>? options = null, string channelId = "700000000000000001",
        string guildId = "600000000000000001", string userId = "500000000000000001", string permissions = "32", bool inDm = false)
    {
        var interaction = NewCommand(name, options, channelId, guildId, userId, permissions, inDm);
        await DispatchAsync("INTERACTION_CREATE", interaction);
        return (string)interaction["id"]!;
    }

    /// <summary>A slash command's INTERACTION_CREATE payload as Discord sends it, with a new id the fake will take answers for.</summary>
    public JsonObject NewCommand(string name, IEnumerable<(string Name, string Value)>? options = null, string channelId = "700000000000000001",
        string guildId = "600000000000000001", string userId = "500000000000000001", string permissions = "32", bool inDm = false)
    {
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var user = new JsonObject { ["id"] = userId, ["username"] = "member" + userId[^3..] };
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = "token-" + id,
            ["version"] = 1,
            ["channel_id"] = channelId,
            ["data"] = new JsonObject
            {
                ["id"] = "800000000000000001",
                ["name"] = name,
                ["type"] = 1,
                ["options"] = new JsonArray((options ?? []).Select(o => (JsonNode)TypedOption(o.Name, o.Value)).ToArray()),
            },
        };
        if (inDm)
        {
            interaction["user"] = user;
        }
        else
        {
            interaction["guild_id"] = guildId;
            interaction["member"] = new JsonObject { ["user"] = user, ["permissions"] = permissions };
        }

        Interactions.GetOrAdd(id, _ => new FakeInteractionAnswers());
        // Made now, as if Discord had just sent it: its 3 seconds run from here even if the test hands it over itself.
        InteractionStarted("INTERACTION_CREATE", interaction);
        return interaction;
    }

    /// <summary>Integer options of the slash commands (the rest are strings, or booleans when "true"/"false").</summary>
    private static readonly HashSet<string> IntegerOptions = ["severity", "count", "id"];

    /// <summary>An option as Discord sends it: "true"/"false" as a boolean (5), a number for an integer option (4), else a string (3).</summary>
    private static JsonObject TypedOption(string name, string value) =>
        bool.TryParse(value, out var flag) ? new JsonObject { ["name"] = name, ["type"] = 5, ["value"] = flag }
        : IntegerOptions.Contains(name) && long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? new JsonObject { ["name"] = name, ["type"] = 4, ["value"] = number }
            : new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = value };

    /// <summary>Dispatches an autocomplete interaction (type 4) for a command's focused option; returns its id.</summary>
    public async Task<string> SendAutocompleteAsync(string name, string option, string typed, string channelId = "700000000000000001")
    {
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 4,
            ["token"] = "token-" + id,
            ["version"] = 1,
            ["channel_id"] = channelId,
            ["guild_id"] = "600000000000000001",
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "500000000000000001" }, ["permissions"] = "0" },
            ["data"] = new JsonObject
            {
                ["id"] = "800000000000000001", ["name"] = name, ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
            },
        };
        Interactions.GetOrAdd(id, _ => new FakeInteractionAnswers());
        await DispatchAsync("INTERACTION_CREATE", interaction);
        return id;
    }

    /// <summary>Drops the socket without a close frame, as a network failure would.</summary>
    public Task DropAsync()
    {
        socket?.Abort();
        return Task.CompletedTask;
    }

    /// <summary>Op 1: Discord asks for a heartbeat now.</summary>
    public Task SendHeartbeatRequestAsync() => TrySendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    public Task SendReconnectAsync() => TrySendAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    public Task SendInvalidSessionAsync(bool resumable) => TrySendAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });

    public async Task CloseAsync(int code, string reason = "closed by the fake")
    {
        if (socket is { State: WebSocketState.Open } open)
        {
            try
            {
                await open.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Already gone: the socket can still read Open for a moment after its request has completed.
            }
        }
    }

    private Task CloseGatewayAsync() => CloseAsync(1001, "fake stopping");

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var number = Interlocked.Increment(ref connections);
        var onResumeUrl = context.Request.Path.Value?.EndsWith("-resume", StringComparison.Ordinal) == true;
        lock (GatewayPaths)
        {
            GatewayPaths.Add(context.Request.Path + context.Request.QueryString);
        }

        await SendAsync(ws, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        var buffer = new byte[64 * 1024];
        var rules = new FakeGatewayRules(TimeSpan.FromMilliseconds(HeartbeatIntervalMs * 1.5) + HeartbeatGrace);
        using var ended = new CancellationTokenSource();
        var watchdog = WatchHeartbeatsAsync(ws, rules, ended.Token);
        try
        {
            while (ws.State == WebSocketState.Open)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(buffer, context.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClientCloseCodes.Enqueue((int?)result.CloseStatus ?? 0);
                        await CloseBackAsync(ws);
                        return;
                    }

                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                var frame = JsonNode.Parse(text.ToString())!;
                if (rules.OnFrame((int?)frame["op"]) is { } broken)
                {
                    await CloseForRuleAsync(ws, broken);
                    return;
                }

                await OnFrameAsync(ws, number, frame, onResumeUrl);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            await ended.CancelAsync();
            await watchdog;
            if (ReferenceEquals(socket, ws))
            {
                socket = null;
            }
        }
    }

    /// <summary>Closes the connection with 4009 once the bot's heartbeat is overdue.</summary>
    private async Task WatchHeartbeatsAsync(WebSocket ws, FakeGatewayRules rules, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && ws.State == WebSocketState.Open)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                if (rules.HeartbeatOverdue())
                {
                    await CloseForRuleAsync(ws, 4009);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private async Task CloseForRuleAsync(WebSocket ws, int code)
    {
        RuleCloses.Enqueue(code);
        var reason = code switch { 4004 => "Authentication failed.", 4005 => "Already authenticated.", 4008 => "Rate limited.", _ => "Session timed out." };
        try
        {
            await sendLock.WaitAsync();
            try
            {
                await ws.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Answers the bot's close frame with one of its own, as Discord does.</summary>
    private static async Task CloseBackAsync(WebSocket ws)
    {
        try
        {
            if (ws.State == WebSocketState.CloseReceived)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The bot did not wait for it.
        }
    }

    private async Task OnFrameAsync(WebSocket ws, int number, JsonNode frame, bool onResumeUrl)
    {
        switch ((int?)frame["op"])
        {
            case 1:
                Interlocked.Increment(ref heartbeats);
                if (AcknowledgeHeartbeats && Volatile.Read(ref unackedConnection) != number)
                {
                    await SendAsync(ws, new JsonObject { ["op"] = 11 });
                }

                break;
            case 2:
                Interlocked.Increment(ref identifies);
                LastIdentify = frame["d"]?.DeepClone();
                if (CloseOnIdentify is { } code || ((string?)frame["d"]?["token"] != Token || revoked) && (code = 4004) > 0)
                {
                    await ws.CloseOutputAsync((WebSocketCloseStatus)code, code == 4004 ? "Authentication failed." : "closed", CancellationToken.None);
                    return;
                }

                // Every accepted identify counts against the day's session starts, which GET /gateway/bot reports.
                switch (IdentifyLimits.Identify((int?)frame["d"]?["shard"]?[0] ?? 0))
                {
                    case IdentifyVerdict.TooFast:
                        // Over max_concurrency in the identify window: Discord answers Invalid Session.
                        await SendAsync(ws, new JsonObject { ["op"] = 9, ["d"] = false });
                        return;
                    case IdentifyVerdict.NoSessionStartsLeft:
                        // Discord ends every session and resets the token: from now on the old one is refused.
                        RevokeToken();
                        await CloseForRuleAsync(ws, 4004);
                        return;
                }

                long seq;
                await dispatchLock.WaitAsync();
                try
                {
                lock (events)
                {
                    sessionId = "fake-session-" + Interlocked.Increment(ref sessions);
                    events.Clear();
                    seq = ++sequence;
                }

                await SendAsync(ws, new JsonObject
                {
                    ["op"] = 0,
                    ["s"] = seq,
                    ["t"] = "READY",
                    ["d"] = new JsonObject
                    {
                        ["v"] = 10,
                        ["session_id"] = sessionId,
                        ["resume_gateway_url"] = ResumeGatewayUrl,
                        ["user"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "watchbot", ["bot"] = true },
                        ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
                        ["guilds"] = new JsonArray(),
                    },
                });
                Live(ws, number);
                }
                finally
                {
                    dispatchLock.Release();
                }

                break;
            case 6:
                Interlocked.Increment(ref resumes);
                var d = frame["d"];
                if (!onResumeUrl)
                {
                    // Resuming is only done on READY's resume_gateway_url.
                    Interlocked.Increment(ref resumesOffTheResumeUrl);
                    await SendAsync(ws, new JsonObject { ["op"] = 9, ["d"] = false });
                    return;
                }

                if ((string?)d?["session_id"] != sessionId || (string?)d?["token"] != Token || revoked)
                {
                    await SendAsync(ws, new JsonObject { ["op"] = 9, ["d"] = false });
                    return;
                }

                var since = (long?)d?["seq"] ?? 0;
                List<(long Seq, string Type, JsonNode Data)> missed;
                await dispatchLock.WaitAsync();
                try
                {
                    lock (events)
                    {
                        missed = events.Where(e => e.Seq > since).ToList();
                    }

                    // As Discord does: the missed events in order, then RESUMED; new events only after that.
                    foreach (var (s, t, data) in missed)
                    {
                        Interlocked.Increment(ref replayed);
                        await SendAsync(ws, new JsonObject { ["op"] = 0, ["s"] = s, ["t"] = t, ["d"] = data.DeepClone() });
                    }

                    await SendAsync(ws, new JsonObject { ["op"] = 0, ["s"] = null, ["t"] = "RESUMED", ["d"] = new JsonObject() });
                    Live(ws, number);
                }
                finally
                {
                    dispatchLock.Release();
                }

                break;
        }
    }

    /// <summary>Events replayed on a resume.</summary>
    public int Replayed => replayed;

    private int replayed;
    private readonly SemaphoreSlim dispatchLock = new(1, 1);

    /// <summary>Only a connection past READY or RESUMED receives new events, as on Discord.</summary>
    private void Live(WebSocket ws, int number)
    {
        socket = ws;
        Volatile.Write(ref liveConnection, number);
    }

    private async Task TrySendAsync(JsonNode frame)
    {
        if (socket is { State: WebSocketState.Open } open)
        {
            try
            {
                await SendAsync(open, frame);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                // Dropped meanwhile: a dispatched event waits for the resume.
            }
        }
    }

    private async Task SendAsync(WebSocket ws, JsonNode frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await sendLock.WaitAsync();
        try
        {
            await ws.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }
}
