using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Watchbot.Core.Stores;

/// <summary>
/// The health signal `watchbot status` reads: each living loop (Telegram polling, delivery to each platform) writes
/// "alive now" to the store (a cursor named alive.&lt;part&gt;), at most every <see cref="Interval"/>. A part whose
/// last beat is older than <see cref="StaleAfter"/> is not alive. A beat the store refuses (locked, full) is skipped:
/// it must never stop the loop, and a stale signal then says the truth that the bot is stuck on its store.
/// </summary>
public sealed class Heartbeat(ICursorStore cursors, TimeProvider time, ILogger<Heartbeat> logger)
{
    public const string Prefix = "alive.";
    public const string TelegramPolling = "telegram.polling";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> last = new(StringComparer.Ordinal);

    public static string Delivery(string platform) => "delivery." + platform;

    /// <summary>The value of a part that says "not connected now" rather than a time (a transport that has not
    /// connected yet in this run, or stopped for good).</summary>
    public const long NotConnected = 0;

    /// <summary>Marks a part as not connected now, so status does not go on showing an earlier run's or an earlier
    /// connection's beat as alive; the next <see cref="BeatAsync"/> writes at once.</summary>
    public async Task DownAsync(string part, CancellationToken cancellationToken)
    {
        last.TryRemove(part, out _);
        try
        {
            await cursors.SetAsync(Prefix + part, NotConnected, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreRetry.IsStoreError(ex))
        {
            logger.LogDebug("Heartbeat {Part} not marked down: {Error}", part, ex.Message);
        }
    }

    public async Task BeatAsync(string part, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (last.TryGetValue(part, out var at) && now - at < Interval)
        {
            return;
        }

        last[part] = now;
        try
        {
            await cursors.SetAsync(Prefix + part, now.ToUnixTimeSeconds(), now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreRetry.IsStoreError(ex))
        {
            logger.LogDebug("Heartbeat {Part} not written: {Error}", part, ex.Message);
        }
    }
}
