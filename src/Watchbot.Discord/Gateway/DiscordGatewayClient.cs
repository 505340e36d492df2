using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;

namespace Watchbot.Discord.Gateway;

/// <summary>How one gateway connection ended, and so what the client does next.</summary>
public enum ConnectionEndKind { Dropped, Zombie, Reconnect, InvalidSession, Fatal, Stopped }

public sealed record ConnectionEnd(ConnectionEndKind Kind, string Reason, bool Healthy);

/// <summary>
/// The Discord gateway over <see cref="ClientWebSocket"/>: Hello, heartbeats (the first one jittered), Identify
/// with GUILDS only or Resume with the last sequence number, READY's session kept; op 1 answered at once; a
/// missing ACK is a zombie connection (abort and resume); op 7 reconnects and resumes; op 9 resumes or identifies
/// again as d says; a dropped socket reconnects with jittered back-off. Fatal close codes stop the transport.
/// </summary>
public sealed class DiscordGatewayClient(
    DiscordOptions options,
    DiscordRestClient rest,
    DiscordTransportState state,
    Func<Interaction, CancellationToken, Task> onInteraction,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger,
    Random? random = null,
    Heartbeat? alive = null)
{
    /// <summary>The part `watchbot status` lists for the gateway: written when Discord acknowledges a heartbeat.</summary>
    public const string AlivePart = "discord.gateway";

    private readonly Random random = random ?? Random.Shared;
    private readonly ConcurrentDictionary<Task, bool> handlers = new();
    private SessionStartLimit? startLimit;
    private DateTimeOffset lastIdentify = DateTimeOffset.MinValue;
    private bool startLimitLogged;

    /// <summary>The share of IdentifySpacing added to it before the next Identify.</summary>
    public const double IdentifyMargin = 0.1;

    public GatewaySession Session { get; } = new();

    /// <summary>What GET /gateway/bot said last about session starts.</summary>
    public SessionStartLimit? SessionStartLimit { get; private set; }

    /// <summary>INTERACTION_CREATE events seen twice (a replay after a resume) and not handled again.</summary>
    public int DuplicateInteractions => duplicates;

    private readonly Lock randomGate = new();
    private readonly RecentIds seenInteractions = new(4096);
    private int duplicates;

    public int Connections => connections;

    public int Identifies => identifies;

    public int Resumes => resumes;

    /// <summary>Every connection's end, in order (for tests and logs).</summary>
    public ConcurrentQueue<ConnectionEnd> Ends { get; } = new();

    private int connections;
    private int identifies;
    private int resumes;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, new Random(random.Next()));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var end = await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
                Ends.Enqueue(end);
                if (end.Kind == ConnectionEndKind.Stopped)
                {
                    return;
                }

                if (end.Kind == ConnectionEndKind.Fatal)
                {
                    await MarkNotConnectedAsync(CancellationToken.None).ConfigureAwait(false);
                    if (state.Stop(end.Reason))
                    {
                        logger.LogCritical("Discord transport stopped: {Reason}. The rest of Watchbot keeps running.", end.Reason);
                    }

                    return;
                }

                if (state.StoppedReason is { } stopped)
                {
                    await MarkNotConnectedAsync(CancellationToken.None).ConfigureAwait(false);
                    // A REST call saw the token refused: no reconnecting with it.
                    logger.LogWarning("Discord gateway connection ended ({Reason}) and is not reconnected: the transport stopped ({Stopped})", end.Reason, stopped);
                    return;
                }

                if (end.Healthy)
                {
                    backoff.Reset();
                }

                var delay = end.Kind switch
                {
                    ConnectionEndKind.Reconnect when end.Healthy => TimeSpan.Zero,
                    ConnectionEndKind.InvalidSession => options.ReconnectMinDelay * (1 + (4 * NextDouble())),
                    _ => backoff.Next(),
                };
                logger.LogWarning("Discord gateway connection ended ({Reason}); {Next} in {Delay:0.0} s", end.Reason,
                    Session.CanResume ? "resuming" : "identifying", delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await DrainHandlersAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var resumeUrl = Session.CanResume ? Session.ResumeUrl : null;
            // A new session waits out the session start limit and the identify window before connecting, so Hello's
            // heartbeat clock is not left waiting.
            var url = resumeUrl ?? (Session.CanResume
                ? await GatewayUrlAsync(cancellationToken).ConfigureAwait(false)
                : await NewSessionUrlAsync(cancellationToken).ConfigureAwait(false));

            using var socket = new ClientWebSocket();
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(TimeSpan.FromSeconds(30));
                try
                {
                    await socket.ConnectAsync(WithQuery(url), connect.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (resumeUrl is not null && !cancellationToken.IsCancellationRequested
                    && ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
                {
                    // A dead resume URL must not hold the bot offline: keep the session, and resume through the
                    // URL from GET /gateway/bot from the next attempt on (after the back-off).
                    Session.ResumeUrl = null;
                    logger.LogWarning("Could not connect to the resume URL ({Reason}); keeping the session and resuming through the gateway URL next", ex.Message);
                    throw;
                }
            }

            Interlocked.Increment(ref connections);
            // Discord counts the 120 sends a minute per connection.
            var connection = new GatewayConnection(socket, new SendRateLimiter(options.GatewaySendsPerMinute, time), time);
            // Shutting down closes with 1000, so Discord ends the session and the bot goes offline at once. The socket
            // is never read with the shutdown token: cancelling a read aborts the socket without a close frame.
            using var closing = cancellationToken.Register(() => _ = connection.CloseForShutdownAsync());
            var end = await RunConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
            return cancellationToken.IsCancellationRequested ? new ConnectionEnd(ConnectionEndKind.Stopped, "shutting down", false) : end;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(ConnectionEndKind.Stopped, "shutting down", false);
        }
        catch (DiscordApiException ex) when ((int)ex.Status == 401)
        {
            return new ConnectionEnd(ConnectionEndKind.Fatal, GatewayCloseCodes.Fatal(4004)!.Replace("the gateway closed with 4004", "GET /gateway/bot answered 401", StringComparison.Ordinal), false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or JsonException
            or OperationCanceledException or DiscordTransientException or DiscordApiException or ObjectDisposedException)
        {
            return new ConnectionEnd(ConnectionEndKind.Dropped, $"{ex.GetType().Name}: {ex.Message}", false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // One connection's surprise is no reason to stop the transport: log it, back off, reconnect.
            logger.LogError(ex, "Discord gateway connection failed unexpectedly; reconnecting");
            return new ConnectionEnd(ConnectionEndKind.Dropped, $"{ex.GetType().Name}: {ex.Message}", false);
        }
    }

    private async Task<ConnectionEnd> RunConnectionAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var hello = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (hello is null || hello.Op != GatewayOp.Hello)
        {
            return Closed(connection, hello is null ? "closed before Hello" : $"op {hello.Op} before Hello", false);
        }

        var interval = TimeSpan.FromMilliseconds(Math.Max(10, hello.D.Deserialize(DiscordJsonContext.Default.HelloData)!.HeartbeatInterval));
        using var life = new CancellationTokenSource();
        var heartbeat = HeartbeatLoopAsync(connection, interval, life.Token);
        var healthy = false;
        try
        {
            if (Session.CanResume)
            {
                Interlocked.Increment(ref resumes);
                await connection.SendAsync(GatewayOp.Resume, JsonSerializer.SerializeToElement(
                    new ResumeData(options.Token!, Session.SessionId!, Session.Sequence!.Value), DiscordJsonContext.Default.ResumeData), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await IdentifyAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            for (var frames = 0L; ; frames++)
            {
                var frame = await connection.ReceiveAsync(life.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    return Closed(connection, "the socket closed", healthy);
                }

                if (frame.S is { } seq)
                {
                    Session.Sequence = seq;
                }

                switch (frame.Op)
                {
                    case GatewayOp.Dispatch:
                        healthy |= OnDispatch(frame, cancellationToken);
                        break;
                    case GatewayOp.Heartbeat:
                        await connection.SendAsync(GatewayOp.Heartbeat, SequenceElement(), cancellationToken).ConfigureAwait(false);
                        break;
                    case GatewayOp.HeartbeatAck:
                        connection.Acked = true;
                        LastHeartbeatAck = time.GetUtcNow();
                        ReportAlive(cancellationToken);
                        break;
                    case GatewayOp.Reconnect:
                        await connection.CloseForResumeAsync().ConfigureAwait(false);
                        return new ConnectionEnd(ConnectionEndKind.Reconnect, "Discord asked to reconnect (op 7)", true);
                    case GatewayOp.InvalidSession:
                        var resumable = frame.D.ValueKind == JsonValueKind.True;
                        if (!resumable)
                        {
                            Session.Clear();
                        }

                        await connection.CloseForResumeAsync().ConfigureAwait(false);
                        return new ConnectionEnd(ConnectionEndKind.InvalidSession, $"invalid session (op 9, resumable {resumable.ToString().ToLowerInvariant()})", healthy);
                }
            }
        }
        catch (Exception ex) when (connection.Zombie && ex is WebSocketException or OperationCanceledException or ObjectDisposedException
            && !cancellationToken.IsCancellationRequested)
        {
            // Abort() disposes the socket: a receive or send begun after it throws ObjectDisposedException, not a
            // WebSocketException, and that too is the zombie being closed (found by the gateway chaos test).
            return new ConnectionEnd(ConnectionEndKind.Zombie, "no heartbeat ACK: zombie connection", healthy);
        }
        catch (WebSocketException ex) when (cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(ConnectionEndKind.Stopped, "shutting down: " + ex.Message, healthy);
        }
        catch (WebSocketException ex)
        {
            return new ConnectionEnd(ConnectionEndKind.Dropped, "the socket dropped: " + ex.Message, healthy);
        }
        finally
        {
            await life.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The heartbeat ends with its connection.
            }
        }
    }

    /// <summary>Tells `watchbot status` the gateway is not connected (at start, when stopped for good, while waiting
    /// for the session start limit), so an earlier beat is not shown as alive.</summary>
    public async Task MarkNotConnectedAsync(CancellationToken cancellationToken)
    {
        if (alive is null)
        {
            return;
        }

        try
        {
            await alive.DownAsync(AlivePart, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The health signal must never stop the transport it describes.
            logger.LogDebug("Could not record the gateway as not connected: {Reason}", ex.Message);
        }
    }

    /// <summary>When Discord last acknowledged a heartbeat (null before the first).</summary>
    public DateTimeOffset? LastHeartbeatAck { get; private set; }

    private int reporting;

    /// <summary>Tells the store the gateway is alive (at most every 15 s, see <see cref="Heartbeat"/>), off the receive
    /// loop: a locked store must never hold up an interaction or the next heartbeat.</summary>
    private void ReportAlive(CancellationToken cancellationToken)
    {
        if (alive is null || Interlocked.Exchange(ref reporting, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await alive.BeatAsync(AlivePart, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutting down.
            }
            catch (Exception ex)
            {
                // Never a reason to touch the connection: a stale signal tells the operator instead.
                logger.LogDebug("Could not record the gateway as alive: {Reason}", ex.Message);
            }
            finally
            {
                Volatile.Write(ref reporting, 0);
            }
        }, CancellationToken.None);
    }

    private ConnectionEnd Closed(GatewayConnection connection, string what, bool healthy)
    {
        var code = (int?)connection.Socket.CloseStatus ?? 0;
        if (GatewayCloseCodes.Fatal(code) is { } fatal)
        {
            return new ConnectionEnd(ConnectionEndKind.Fatal, fatal, healthy);
        }

        if (GatewayCloseCodes.EndsSession(code))
        {
            Session.Clear();
        }

        return new ConnectionEnd(ConnectionEndKind.Dropped, $"{what} ({code} {connection.Socket.CloseStatusDescription})", healthy);
    }

    private bool OnDispatch(GatewayFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.T)
        {
            case "READY":
                var ready = frame.D.Deserialize(DiscordJsonContext.Default.ReadyData)!;
                Session.SessionId = ready.SessionId;
                Session.ResumeUrl = ready.ResumeGatewayUrl;
                logger.LogInformation("Discord gateway ready as {User} (shard {Shard}/{Count})", ready.User?.Username ?? ready.User?.Id, options.ShardId, options.ShardCount);
                ReportAlive(cancellationToken);
                return true;
            case "RESUMED":
                logger.LogInformation("Discord gateway session resumed at sequence {Seq}", Session.Sequence);
                ReportAlive(cancellationToken);
                return true;
            case "INTERACTION_CREATE":
                var interaction = frame.D.Deserialize(DiscordJsonContext.Default.Interaction);
                if (interaction is not null && !seenInteractions.Add(interaction.Id))
                {
                    Interlocked.Increment(ref duplicates);
                    logger.LogDebug("Interaction {Id} arrived again (replayed); already handled", interaction.Id);
                }
                else if (interaction is not null)
                {
                    Track(onInteraction(interaction, cancellationToken));
                }

                return false;
            default:
                return false;
        }
    }

    private void Track(Task task)
    {
        handlers[task] = true;
        _ = task.ContinueWith(t =>
        {
            handlers.TryRemove(t, out _);
            if (t.Exception is { } error)
            {
                logger.LogError(error.GetBaseException(), "Handling a Discord interaction failed");
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DrainHandlersAsync()
    {
        var running = handlers.Keys.ToArray();
        if (running.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(running), Task.Delay(TimeSpan.FromSeconds(5), time)).ConfigureAwait(false);
        }
    }

    /// <summary>Before a new session: GET /gateway/bot, and while Discord says no session starts remain, wait until
    /// its reset_after and ask again (an Identify with none left makes Discord reset the bot token); then keep the
    /// identify window. Returns the URL to connect to.</summary>
    private async Task<string> NewSessionUrlAsync(CancellationToken cancellationToken)
    {
        var url = await GatewayUrlAsync(cancellationToken).ConfigureAwait(false);
        while (startLimit is { Remaining: <= 0 } limit)
        {
            // Never less than the reconnect delay, so a reset_after of 0 with nothing remaining cannot spin.
            var wait = TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, options.ReconnectMinDelay.TotalMilliseconds));
            if (!startLimitLogged)
            {
                startLimitLogged = true;
                await MarkNotConnectedAsync(cancellationToken).ConfigureAwait(false);
                logger.LogError(
                    "Discord's session start limit is used up: none of the bot's {Total} new sessions for the day remain (every Identify uses one; resumes do not). " +
                    "Identifying now would make Discord reset the bot token, so the gateway waits {Hours:0.##} h, until {At:yyyy-MM-dd HH:mm:ss} UTC, and receives no commands meanwhile. " +
                    "Frequent restarts or a reconnect loop use the limit up",
                    limit.Total, wait.TotalHours, time.GetUtcNow() + wait);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            // Ask again rather than trust the count: Discord's answer decides, not how long we waited.
            startLimit = null;
            url = await GatewayUrlAsync(cancellationToken).ConfigureAwait(false);
        }

        if (startLimitLogged)
        {
            startLimitLogged = false;
            logger.LogInformation("Discord's session start limit was reset ({Remaining} remain); identifying", startLimit?.Remaining);
        }

        // Discord puts shards in buckets by rate_limit_key = shard_id % max_concurrency and lets each bucket identify
        // once per identify window (5 s): max_concurrency identifies per window in all. This process runs one shard, so
        // one key: at most one Identify per IdentifySpacing, whatever max_concurrency is. A tenth more, because Discord
        // measures on its side: a first Identify that reached it late and a second that travels fast come closer.
        var spacing = lastIdentify + (options.IdentifySpacing * (1 + IdentifyMargin)) - time.GetUtcNow();
        if (spacing > TimeSpan.Zero)
        {
            await Task.Delay(spacing, time, cancellationToken).ConfigureAwait(false);
        }

        return url;
    }

    private async Task IdentifyAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        Session.Clear();
        lastIdentify = time.GetUtcNow();
        if (startLimit is not null)
        {
            startLimit = startLimit with { Remaining = startLimit.Remaining - 1 };
        }

        Interlocked.Increment(ref identifies);
        var identify = new IdentifyData(options.Token!, GatewayOp.GuildsIntent, new IdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "watchbot", "watchbot"),
            [options.ShardId, options.ShardCount]);
        await connection.SendAsync(GatewayOp.Identify, JsonSerializer.SerializeToElement(identify, DiscordJsonContext.Default.IdentifyData), cancellationToken).ConfigureAwait(false);
        // Discord counts the window from when the Identify reached it, which is no earlier than the send completed.
        lastIdentify = time.GetUtcNow();
    }

    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval, CancellationToken cancellationToken)
    {
        await Task.Delay(interval * NextDouble(), time, cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!connection.Acked)
            {
                logger.LogWarning("Discord sent no heartbeat ACK: zombie connection; reconnecting to resume");
                connection.Zombie = true;
                connection.Socket.Abort();
                return;
            }

            connection.Acked = false;
            await connection.SendAsync(GatewayOp.Heartbeat, SequenceElement(), cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The heartbeat loops and the reconnect loop share one (possibly seeded) Random, which is not thread-safe.</summary>
    private double NextDouble()
    {
        lock (randomGate)
        {
            return random.NextDouble();
        }
    }

    private JsonElement SequenceElement() => JsonSerializer.SerializeToElement(Session.Sequence, DiscordJsonContext.Default.NullableInt64);

    /// <summary>GET /gateway/bot before every new session, for the session start limit; the URL it gives unless
    /// Watchbot:Discord:GatewayUrl overrides it (then a failed call is no reason not to connect).</summary>
    private async Task<string> GatewayUrlAsync(CancellationToken cancellationToken)
    {
        GatewayBot bot;
        try
        {
            bot = await rest.SendAsync(new GetGatewayBotRequest(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!string.IsNullOrEmpty(options.GatewayUrl)
            && (ex is DiscordTransientException || ex is DiscordApiException { Status: not System.Net.HttpStatusCode.Unauthorized }))
        {
            logger.LogDebug("GET /gateway/bot failed ({Reason}); connecting to {Url}", ex.Message, options.GatewayUrl);
            return options.GatewayUrl;
        }

        startLimit = bot.SessionStartLimit;
        SessionStartLimit = bot.SessionStartLimit;
        if (bot.Shards > options.ShardCount)
        {
            logger.LogWarning("Discord recommends {Shards} shards; Watchbot:Discord:ShardCount is {Count}", bot.Shards, options.ShardCount);
        }

        return string.IsNullOrEmpty(options.GatewayUrl) ? bot.Url : options.GatewayUrl;
    }

    private static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }
}
