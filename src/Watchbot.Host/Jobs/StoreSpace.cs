using Microsoft.Extensions.Logging;

namespace Watchbot.Host.Jobs;

/// <summary>
/// Whether the store has room for new work. When a write is refused because the disk is full (or the file reached
/// Watchbot:Storage:MaxSizeMb), the jobs that bring new work in (ingest, alerts, digests) stop starting: while it is
/// full, one of them tries again after a wait that doubles from 5 s to 1 min, and the first run that writes again
/// resumes them all. Delivery of what is already queued goes on. Each change is said once in the log: an error when it
/// fills, a line when it has room again.
/// </summary>
public sealed class StoreSpace(TimeProvider time, ILogger<StoreSpace> logger)
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private DateTimeOffset? fullSince;
    private DateTimeOffset nextTry;
    private TimeSpan wait = FirstWait;

    public bool IsFull
    {
        get
        {
            lock (gate)
            {
                return fullSince is not null;
            }
        }
    }

    /// <summary>May a job that brings new work start now? Always while the store has room; while it is full, once each
    /// wait (that run finds out whether space came back).</summary>
    public bool MayStart()
    {
        lock (gate)
        {
            if (fullSince is null)
            {
                return true;
            }

            var now = time.GetUtcNow();
            if (now < nextTry)
            {
                return false;
            }

            nextTry = now + wait;
            return true;
        }
    }

    /// <summary>A write of <paramref name="what"/> was refused because the store is full: the first refusal is logged as
    /// an error saying so; later ones only lengthen the wait before the next try.</summary>
    public void Refused(string what, string problem)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (fullSince is null)
            {
                fullSince = now;
                wait = FirstWait;
                nextTry = now + wait;
                logger.LogError(
                    "The database is full, so Watchbot takes no new work: {Problem} {What} wrote nothing. Ingest, alerts and digests wait " +
                    "(trying again every {First:0} s to {Longest:0} s) and resume by themselves once there is room; what is stored is kept and queued messages are still delivered.",
                    problem, what, FirstWait.TotalSeconds, LongestWait.TotalSeconds);
                return;
            }

            wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
            nextTry = now + wait;
            logger.LogDebug("{What}: the database is still full; next try in {Wait}", what, wait);
        }
    }

    /// <summary><paramref name="what"/> wrote to the store: if it was full, it has room again and new work resumes.</summary>
    public void Wrote(string what)
    {
        lock (gate)
        {
            if (fullSince is not { } since)
            {
                return;
            }

            fullSince = null;
            wait = FirstWait;
            logger.LogInformation("The database has room again ({What} wrote after {Minutes:0.0} min full): ingest, alerts and digests resume.",
                what, (time.GetUtcNow() - since).TotalMinutes);
        }
    }
}
