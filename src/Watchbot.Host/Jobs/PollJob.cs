using Microsoft.Extensions.Logging;
using Quartz;
using Watchbot.Storage;
using Watchbot.Core.Alerts;

namespace Watchbot.Host.Jobs;

/// <summary>Reads new events past the poll cursor and queues immediate alerts (logic in <see cref="AlertService"/>).</summary>
[DisallowConcurrentExecution]
public sealed class PollJob(AlertService alerts, TimeProvider time, SqliteStore store, StoreSpace space, ILogger<PollJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll", "watchbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!space.MayStart())
        {
            return;
        }

        try
        {
            var result = await alerts.PollAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (result.Events > 0)
            {
                space.Wrote("The poll");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobFailure.Log(logger, store, ex, "The poll (the cursor did not move)", space);
        }
    }
}
