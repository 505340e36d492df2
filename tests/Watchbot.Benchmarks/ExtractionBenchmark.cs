using System.Diagnostics;
using System.Globalization;
using Watchbot.Core.Topics;
using Watchbot.Extraction;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Parsing;

namespace Watchbot.Benchmarks;

/// <summary>Parsing and extraction on one thread over the project's sample articles (and the shared corpus when it is
/// there), repeated until at least 50 MB of article text has gone through.</summary>
public sealed class ExtractionBenchmark : IBenchmark
{
    private const double TargetMegabytesPerSecond = 10;
    private const long Volume = 50L * 1024 * 1024;

    public string Name => "extraction";

    public string Target => $"at least {TargetMegabytesPerSecond} MB of article text a second on one core (parse + extract)";

    public Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var root = ExtractionConfig.FindConfigDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the benchmark from inside the repository: it needs config/ and samples/.");
        var repo = Path.GetDirectoryName(root)!;
        var extractor = Extractor.FromConfigDirectory(root);
        var topics = new List<Topic>
        {
            new("karabakh", "Nagorno-Karabakh", [new TopicPlace("Stepanakert", ["Khankendi"]), new TopicPlace("Ganja", []), new TopicPlace("Barda", [])], ["Armenia", "Azerbaijan"], ["Karabakh"]),
        };
        var files = Directory.EnumerateFiles(Path.Combine(repo, "samples", "articles"))
            .Concat(Directory.Exists(Path.Combine(repo, "..", "shared", "corpus", "articles"))
                ? Directory.EnumerateFiles(Path.Combine(repo, "..", "shared", "corpus", "articles"))
                : [])
            .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p)))
            .ToList();
        var perPass = files.Sum(f => (long)f.Bytes.Length);
        var readOn = new DateOnly(2020, 12, 31);

        // Warm up: JIT and regex construction are not part of the steady rate.
        var events = Pass();
        var clock = Stopwatch.StartNew();
        long processed = 0;
        var passes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (processed < Volume)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Pass();
            processed += perPass;
            passes++;
        }

        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var rate = processed / (1024.0 * 1024.0) / clock.Elapsed.TotalSeconds;
        var parseClock = Stopwatch.StartNew();
        for (var i = 0; i < passes; i++)
        {
            foreach (var (name, bytes) in files)
            {
                ArticleParser.ParseBytes(bytes, name, null, readOn);
            }
        }

        var parseRate = processed / (1024.0 * 1024.0) / parseClock.Elapsed.TotalSeconds;
        return Task.FromResult(new BenchmarkResult(rate >= TargetMegabytesPerSecond,
        [
            ("articles", $"{files.Count} files, {perPass / 1024.0:0.0} KB a pass, {events} events a pass"),
            ("volume", $"{processed / (1024.0 * 1024.0):0.0} MB in {passes} passes"),
            ("wall time", $"{clock.Elapsed.TotalSeconds:0.00} s (CPU {cpuUsed.TotalSeconds:0.00} s)"),
            ("rate", $"{rate.ToString("0.0", CultureInfo.InvariantCulture)} MB/s"),
            ("rate by CPU time", $"{(processed / (1024.0 * 1024.0) / cpuUsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture)} MB/s (a busy machine lowers the wall-time rate, less this one)"),
            ("parsing alone", $"{parseRate.ToString("0.0", CultureInfo.InvariantCulture)} MB/s"),
        ]));

        int Pass()
        {
            var count = 0;
            foreach (var (name, bytes) in files)
            {
                var parsed = ArticleParser.ParseBytes(bytes, name, null, readOn);
                if (parsed.Ok)
                {
                    count += extractor.Extract(parsed.Article!, name, topics).Count;
                }
            }

            return count;
        }
    }
}
