namespace Watchbot.Discord.Rest.RateLimits;

/// <summary>
/// One rate-limit bucket (a route's bucket and its top-level resource). Until Discord's headers say how large it
/// is, and again after each reset until the first answer of the new window, it lets one request through at a
/// time. Within a known window it lets through what X-RateLimit-Remaining allows, then waits for Reset-After.
/// Answers from an earlier window never change the current one.
/// </summary>
public sealed class RateLimitBucket(TimeProvider time)
{
    private readonly Lock gate = new();
    private TaskCompletionSource changed = NewSignal();
    private int generation;
    private bool confirmed;
    private bool probing;
    private int remaining;
    private DateTimeOffset resetAt;
    private DateTimeOffset lastUsed = time.GetUtcNow();
    private int users;

    /// <summary>A permission to send one request; hand it back with <see cref="Complete"/>.</summary>
    public readonly record struct Lease(int Generation, bool Probe);

    /// <summary>What the bucket knows, for tests and logs.</summary>
    public (bool Known, int Remaining, DateTimeOffset ResetAt) Snapshot
    {
        get
        {
            lock (gate)
            {
                return (confirmed, remaining, resetAt);
            }
        }
    }

    /// <summary>Notes that a request is about to use the bucket, so a sweep leaves it alone.</summary>
    public void Touch()
    {
        lock (gate)
        {
            lastUsed = time.GetUtcNow();
        }
    }

    /// <summary>True when nothing used the bucket since <paramref name="cutoff"/>, nobody holds or waits for a lease,
    /// and the window it knows of is over: forgetting it loses nothing.</summary>
    public bool IsIdle(DateTimeOffset cutoff)
    {
        lock (gate)
        {
            return users == 0 && !probing && lastUsed <= cutoff && (!confirmed || time.GetUtcNow() >= resetAt);
        }
    }

    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            users++;
            lastUsed = time.GetUtcNow();
        }

        try
        {
            return await LeaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (gate)
            {
                users--;
            }

            throw;
        }
    }

    private async Task<Lease> LeaseAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            TimeSpan? wait;
            Task signal;
            lock (gate)
            {
                var now = time.GetUtcNow();
                if (confirmed && now >= resetAt)
                {
                    generation++;
                    confirmed = false;
                }

                if (!confirmed)
                {
                    if (!probing)
                    {
                        probing = true;
                        return new Lease(generation, Probe: true);
                    }

                    wait = null;
                }
                else if (remaining > 0)
                {
                    remaining--;
                    return new Lease(generation, Probe: false);
                }
                else
                {
                    wait = resetAt - now;
                }

                signal = changed.Task;
            }

            if (wait is { } delay)
            {
                await Task.WhenAny(signal, Task.Delay(delay, time, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Takes in the headers of the answer to a leased request (null when the request got no answer).</summary>
    public void Complete(Lease lease, RateLimitHeaders? headers)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            users--;
            lastUsed = time.GetUtcNow();
            if (lease.Probe)
            {
                probing = false;
            }

            if (headers is not null && lease.Generation == generation)
            {
                var now = time.GetUtcNow();
                if (headers.HasBucketInfo)
                {
                    var reset = now + headers.ResetAfter!.Value;
                    if (!confirmed)
                    {
                        confirmed = true;
                        remaining = headers.Remaining!.Value;
                        resetAt = reset;
                    }
                    else
                    {
                        remaining = Math.Min(remaining, headers.Remaining!.Value);
                        resetAt = reset > resetAt ? reset : resetAt;
                    }
                }
                else if (!confirmed)
                {
                    // A route without per-route limits: let requests through freely, and look again in a second.
                    confirmed = true;
                    remaining = int.MaxValue / 2;
                    resetAt = now + TimeSpan.FromSeconds(1);
                }
            }

            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>Starts a bucket that was just found to be the route's (its hash became known) with what the answer said.</summary>
    public void Seed(RateLimitHeaders headers)
    {
        lock (gate)
        {
            if (!confirmed && !probing && headers.HasBucketInfo)
            {
                confirmed = true;
                remaining = headers.Remaining!.Value;
                resetAt = time.GetUtcNow() + headers.ResetAfter!.Value;
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
