namespace Watchbot.Discord.Gateway;

/// <summary>
/// Keeps one connection's gateway sends under Discord's 120 a minute (counted per connection): ordinary events at
/// most <c>limit</c> in any 60-second window, while heartbeats, Identify and Resume may use the headroom up to 120,
/// so a burst of other events can never hold back the heartbeat that keeps the connection alive.
/// </summary>
public sealed class SendRateLimiter(int limit, TimeProvider time)
{
    /// <summary>Discord closes a connection that sends more than this in a minute.</summary>
    public const int DiscordLimit = 120;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> sent = new();
    private readonly Lock gate = new();

    /// <summary>Sends counted in the current window.</summary>
    public int InWindow
    {
        get
        {
            lock (gate)
            {
                Trim(time.GetUtcNow());
                return sent.Count;
            }
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken, bool priority = false)
    {
        var cap = priority ? DiscordLimit : Math.Min(limit, DiscordLimit);
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                Trim(now);
                if (sent.Count < cap)
                {
                    sent.Enqueue(now);
                    return;
                }

                // The window must drop below the cap: wait until the send that many places back leaves it.
                wait = sent.ElementAt(sent.Count - cap) + Window - now;
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (sent.Count > 0 && sent.Peek() + Window <= now)
        {
            sent.Dequeue();
        }
    }
}
