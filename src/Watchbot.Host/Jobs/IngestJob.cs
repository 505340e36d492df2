using Microsoft.Extensions.Logging;
using Quartz;
using Watchbot.Storage;
using Watchbot.Host.Configuration;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Jobs;

/// <summary>Reads every configured source and stores what is new (logic in <see cref="IngestService"/>).</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(IngestService ingest, WatchbotOptions options, SqliteStore store, StoreSpace space, FirstIngest first, ILogger<IngestJob> logger) : IJob
{
    public static readonly JobKey Key = new("ingest", "watchbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (!space.MayStart())
            {
                return;
            }

            // The job reads only the counts: each article's events are let go once it is stored. It extracts on one thread
            // unless Watchbot:Ingest:ExtractWorkers says otherwise: a scheduled run reads a few new articles, and each
            // extracting thread keeps working tables of its own in every word list (`run` peaked 15-20 MB higher with two).
            var report = await ingest.RunAsync(options.Sources.Select(SourceSpec.From).ToList(), cancellationToken, each: _ => { },
                workers: options.Ingest.ExtractWorkers is 0 ? 1 : null).ConfigureAwait(false);
            if (report.Stored > 0)
            {
                space.Wrote("Ingest");
            }
        }
        catch (OptionsError ex)
        {
            logger.LogError("Ingest cannot run: {Problem}", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobFailure.Log(logger, store, ex, "Ingest (what was stored stays; the rest is read again)", space);
        }
        finally
        {
            first.Finished();
        }
    }
}
