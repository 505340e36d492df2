using System.Net.WebSockets;
using System.Text.Json;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Gateway;

/// <summary>One WebSocket to the gateway: whole JSON frames in, one send at a time out, within the send limit.</summary>
internal sealed class GatewayConnection(ClientWebSocket socket, SendRateLimiter limit, TimeProvider time)
{
    private const int MaxFrame = 16 * 1024 * 1024;
    private readonly SemaphoreSlim sending = new(1, 1);
    private volatile bool acked = true;
    private volatile bool zombie;

    public ClientWebSocket Socket => socket;

    public SendRateLimiter Limit => limit;

    public bool Acked { get => acked; set => acked = value; }

    public bool Zombie { get => zombie; set => zombie = value; }

    /// <summary>The next frame, or null when the server closed the socket.</summary>
    public async Task<GatewayFrame?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (buffer.Length > MaxFrame)
            {
                throw new WebSocketException("a gateway frame over 16 MB");
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        buffer.Position = 0;
        return JsonSerializer.Deserialize(buffer, DiscordJsonContext.Default.GatewayFrame);
    }

    public async Task SendAsync(int op, JsonElement data, CancellationToken cancellationToken)
    {
        // Heartbeats, Identify and Resume keep the connection alive: they may use the headroom up to Discord's 120.
        await limit.WaitAsync(cancellationToken, priority: op is GatewayOp.Heartbeat or GatewayOp.Identify or GatewayOp.Resume).ConfigureAwait(false);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand(op, data), DiscordJsonContext.Default.GatewayCommand);
        await sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Shutting down: closes with 1000, which ends the session, so the bot shows offline at once. The read
    /// loop then sees Discord's close frame; if none comes within 2 seconds the socket is aborted.</summary>
    public async Task CloseForShutdownAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(2), time).ConfigureAwait(false);
            if (socket.State != WebSocketState.Closed)
            {
                socket.Abort();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Already closed, broken or disposed: nothing more to say to Discord.
        }
    }

    /// <summary>Closes with a code other than 1000/1001, so Discord keeps the session for a resume.</summary>
    public async Task CloseForResumeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await socket.CloseOutputAsync((WebSocketCloseStatus)4000, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
