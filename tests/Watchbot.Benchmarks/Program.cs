using System.Diagnostics;
using Watchbot.Benchmarks;

// Runs the benchmarks named on the command line (all when none), prints each figure, and exits 1 if any missed its target.
var all = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();
var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"No benchmark named {string.Join(", ", args)}; there are: {string.Join(", ", all.Select(b => b.Name))}.");
    return 2;
}

using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var missed = 0;
foreach (var benchmark in chosen)
{
    Console.WriteLine($"== {benchmark.Name} (target: {benchmark.Target})");
    var clock = Stopwatch.StartNew();
    var result = await benchmark.RunAsync(cts.Token);
    foreach (var (figure, value) in result.Figures)
    {
        Console.WriteLine($"   {figure}: {value}");
    }

    Console.WriteLine($"   {(result.MetTarget ? "MET" : "MISSED")} in {clock.Elapsed.TotalSeconds:0.0} s");
    missed += result.MetTarget ? 0 : 1;
}

return missed == 0 ? 0 : 1;
