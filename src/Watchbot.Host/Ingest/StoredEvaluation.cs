using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Extraction.Curation;
using Watchbot.Extraction.Evaluation;
using Watchbot.Host.Cli;
using Watchbot.Host.Composition;

namespace Watchbot.Host.Ingest;

/// <summary>What `watchbot eval` measured: the score, what the ingest read, and every stored event in export order.</summary>
public sealed record StoredEvaluationResult(EvaluationReport Report, IngestRunReport Ingest, IReadOnlyList<WatchEvent> Stored);

/// <summary>
/// The one scoring path: folders go through the real ingest into a store, and what the store holds (every status, oldest seq
/// first, as `watchbot events export` writes it) is scored by <see cref="Evaluator"/>. `watchbot eval` and the tests use it.
/// </summary>
public static class StoredEvaluation
{
    public static async Task<StoredEvaluationResult> RunAsync(
        IServiceProvider services, IReadOnlyList<string> folders, GoldFile gold, DateOnly? readDate, EventFilter? filter, CancellationToken cancellationToken)
    {
        var sources = folders.Select(f => new SourceSpec(SourceKind.Folder, f)).ToList();
        var run = await services.GetRequiredService<IngestService>().RunAsync(sources, cancellationToken, readDate).ConfigureAwait(false);
        var stored = await services.GetRequiredService<IEventStore>()
            .ListAsync(new EventQuery { Status = null, Limit = int.MaxValue, Ascending = true }, cancellationToken).ConfigureAwait(false);
        var report = Evaluator.Evaluate(stored.Select(IngestPlanner.ToDraft).ToList(), gold, filter);
        return new StoredEvaluationResult(report, run, stored);
    }

    /// <summary>Runs <paramref name="work"/> on a host over a fresh store in a temporary folder, deleted afterwards.</summary>
    public static async Task<int> InTemporaryStoreAsync(Func<IHost, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"watchbot-eval-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            return await Verb.WithHostAsync(Path.Combine(scratch, "eval.db"), HostMode.Tool, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }
}
