using Microsoft.Extensions.Logging;
using Quartz;
using Watchbot.Core.Digests;

namespace Watchbot.Host.Jobs;

/// <summary>Queues the digests that are due (logic in <see cref="DigestService"/>).</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestService digests, TimeProvider time, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest", "watchbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await digests.RunDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Digest run failed; digests not queued stay due and the next run retries");
        }
    }
}
