namespace Watchbot.Discord.Gateway;

/// <summary>Keeps gateway sends under Discord's 120 a minute: at most <c>limit</c> in any 60-second window.</summary>
public sealed class SendRateLimiter(int limit, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> sent = new();
    private readonly Lock gate = new();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 1000; round++)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                while (sent.Count > 0 && sent.Peek() + Window <= now)
                {
                    sent.Dequeue();
                }

                if (sent.Count < limit)
                {
                    sent.Enqueue(now);
                    return;
                }

                wait = sent.Peek() + Window - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
