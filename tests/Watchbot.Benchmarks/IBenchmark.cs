namespace Watchbot.Benchmarks;

/// <summary>One benchmark: found by reflection, run by name, reports its figures and whether it met its target.</summary>
public interface IBenchmark
{
    /// <summary>The name on the command line, such as "extraction".</summary>
    string Name { get; }

    /// <summary>The target in words, such as "at least 10 MB/s on one core".</summary>
    string Target { get; }

    Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken);
}

/// <summary>What a benchmark measured: named figures and the verdict against its target.</summary>
public sealed record BenchmarkResult(bool MetTarget, IReadOnlyList<(string Figure, string Value)> Figures);
