using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Watchbot.Core.Storage;

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
