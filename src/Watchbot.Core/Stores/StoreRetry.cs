using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Watchbot.Core.Stores;

/// <summary>
/// For store writes that must not be lost once the work they record is done (an update's offset after its reply
/// went out, a message's sent mark after the platform took it): a store error (locked past the busy timeout, full,
/// an I/O error) is logged and the write tried again with doubling waits until it succeeds, instead of escaping
/// and either stopping the loop or letting the work run a second time.
/// </summary>
public static class StoreRetry
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    /// <summary>True for an error of the store itself (SQLite busy, locked, full, I/O, or the store's sentence about
    /// one), which passes once the other program or the disk lets go; false for anything else (a bug).</summary>
    public static bool IsStoreError(Exception ex) => ex is DbException || ex.InnerException is DbException;

    /// <summary>Runs <paramref name="write"/> (not cancellable: a write under way finishes) until it succeeds. Only the
    /// waits between attempts stop with <paramref name="cancellationToken"/>, which then throws.</summary>
    public static async Task UntilDoneAsync(Func<CancellationToken, Task> write, string what, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        var wait = FirstWait;
        while (true)
        {
            try
            {
                await write(CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsStoreError(ex))
            {
                logger.LogWarning("Could not save {What} ({Error}); trying again in {Seconds} s, nothing is skipped meanwhile", what, ex.Message, wait.TotalSeconds);
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(MaxWait.Ticks, wait.Ticks * 2));
        }
    }
}
