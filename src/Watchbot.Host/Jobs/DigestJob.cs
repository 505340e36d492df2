using Microsoft.Extensions.Logging;
using Quartz;
using Watchbot.Storage;
using Watchbot.Core.Digests;

namespace Watchbot.Host.Jobs;

/// <summary>Queues the digests that are due (logic in <see cref="DigestService"/>).</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestService digests, TimeProvider time, SqliteStore store, StoreSpace space, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "watchbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!space.MayStart())
        {
            return;
        }

        try
        {
            var result = await digests.RunDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (result.Due > result.Skipped)
            {
                space.Wrote("The digest run");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobFailure.Log(logger, store, ex, "The digest run (digests not queued stay due)", space);
        }
    }
}
