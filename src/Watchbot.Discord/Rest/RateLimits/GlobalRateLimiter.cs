namespace Watchbot.Discord.Rest.RateLimits;

/// <summary>
/// Discord's global limit (50 requests a second by default) kept on our side, so it is never hit: a request holds
/// one of <c>limit</c> slots from before it is sent until one window after its answer arrived, so any window on
/// Discord's clock sees at most <c>limit</c> requests. A global 429 pauses every request for its retry_after.
/// </summary>
public sealed class GlobalRateLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly SemaphoreSlim slots = new(limit, limit);
    private long pausedUntilTicks;

    public int Limit => limit;

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref pausedUntilTicks), TimeSpan.Zero);

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await WaitWhilePausedAsync(cancellationToken).ConfigureAwait(false);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(this);
    }

    public async Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100; i++)
        {
            var wait = PausedUntil - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A global 429: nobody sends until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var until = (time.GetUtcNow() + retryAfter).UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref pausedUntilTicks);
            if (seen >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref pausedUntilTicks, until, seen) != seen);
    }

    /// <summary>Timers tick in whole milliseconds and may fire up to one early; a small margin keeps the window whole.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(10);

    private void ReleaseLater() =>
        _ = Task.Delay(window + Margin, time).ContinueWith(_ => slots.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private sealed class Slot(GlobalRateLimiter owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.ReleaseLater();
            }
        }
    }
}
