using Microsoft.Extensions.Logging;
using Quartz;
using Watchbot.Host.Configuration;
using Watchbot.Storage;

namespace Watchbot.Host.Jobs;

/// <summary>Hourly, deletes outbox messages finished more than Watchbot:Storage:KeepSentDays ago and the digest bodies
/// nothing refers to any more, and digest charts as old (logic in <see cref="Watchbot.Storage.Repositories.OutboxRetention"/>).</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(WatchbotOptions options, TimeProvider time, SqliteStore store, ILogger<RetentionJob> logger, StoreSpace? space = null,
    Watchbot.Charts.ScottPlotChartRenderer? charts = null) : IJob
{
    public static readonly JobKey Key = new("retention", "watchbot");

    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Storage.KeepSentDays == 0)
        {
            return;
        }

        try
        {
            var purged = await store.OutboxRetention.PurgeAsync(time.GetUtcNow() - TimeSpan.FromDays(options.Storage.KeepSentDays), cancellationToken)
                .ConfigureAwait(false);
            if (purged.Messages + purged.Bodies > 0)
            {
                logger.LogInformation("Retention: deleted {Messages} delivered messages and {Bodies} digest bodies older than {Days} days",
                    purged.Messages, purged.Bodies, options.Storage.KeepSentDays);
            }

            if (charts is not null)
            {
                var files = Watchbot.Charts.ScottPlotChartRenderer.DeleteOlderThan(charts.Folder, TimeSpan.FromDays(options.Storage.KeepSentDays), time.GetUtcNow());
                if (files > 0)
                {
                    logger.LogInformation("Retention: deleted {Files} digest charts older than {Days} days", files, options.Storage.KeepSentDays);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobFailure.Log(logger, store, ex, "Retention (nothing pending is ever deleted)", space);
        }
    }
}
