using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Topics;
using Watchbot.Extraction;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Parsing;
using Watchbot.Host.Configuration;
using Watchbot.Host.Ingest;
using Watchbot.Host.Topics;
using Watchbot.Storage;

namespace Watchbot.Benchmarks;

/// <summary>
/// The whole ingest path (read the folder, parse, extract, curate, merge, store, in the transactions production uses)
/// through <see cref="IngestService"/> over a real SQLite file, on generated folders of real-sized articles: the
/// project's samples and the shared corpus, each copy with a paragraph of its own so that every file is new text, whose
/// events are the same stories told again and so merge into the stored ones. Each size is run without and with repeats
/// (a quarter of the files exact copies of earlier ones under other names), fed in folders of <see cref="Chunk"/> files
/// to one growing store, so the cost per article can be read as the store grows. Then the released program
/// (<c>watchbot ingest</c>, start-up included) on a 20 MB folder under <c>/usr/bin/time -v</c> for its peak RSS.
/// </summary>
/// <remarks>
/// Settings by environment: <c>INGEST_BENCH_SIZES</c> (default "2000,20000"), <c>INGEST_BENCH_BUDGET</c> (seconds a
/// run may take before it stops after the folder it is in, default 300), <c>INGEST_BENCH_BINARIES</c>
/// ("name=path,name=path" of <c>watchbot</c> programs to time on the 20 MB folder, default the repository's Release
/// build) so that two builds can be measured side by side in one run, <c>INGEST_BENCH_FOLDER</c> (a folder to generate
/// the articles and databases in and keep, to profile or export them afterwards; a temporary one, deleted, by default),
/// <c>INGEST_BENCH_WORKERS</c> (extraction threads of the in-process runs; one per processor by default).
/// </remarks>
public sealed class IngestBenchmark : IBenchmark
{
    private const int Chunk = 1_000;
    private const double TargetMegabytesPerSecond = 8;
    private const long TargetPeakRssKb = 300 * 1024;
    private const double FlatWithin = 1.5;
    private static readonly DateOnly ReadOn = new(2020, 12, 31);

    public string Name => "ingest";

    public string Target =>
        $"watchbot ingest of a 20 MB folder at least {TargetMegabytesPerSecond} MB/s with start-up, peak RSS at most {TargetPeakRssKb / 1024} MB; " +
        $"the last {Chunk} articles of the largest run cost at most {FlatWithin}x (CPU time) the second {Chunk}";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var config = ExtractionConfig.FindConfigDirectory(Directory.GetCurrentDirectory())
            ?? ExtractionConfig.FindConfigDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the benchmark from inside the repository: it needs config/ and samples/.");
        var repo = Path.GetDirectoryName(config)!;
        var sizes = (Environment.GetEnvironmentVariable("INGEST_BENCH_SIZES") ?? "2000,20000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var budget = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("INGEST_BENCH_BUDGET") ?? "300", CultureInfo.InvariantCulture));
        var bases = ArticleCorpus.Load(repo);
        var extractor = new Lazy<Extractor>(() => Extractor.FromConfigDirectory(config));
        var topicsFile = Path.Combine(config, "topics.json");
        var keep = Environment.GetEnvironmentVariable("INGEST_BENCH_FOLDER") is { Length: > 0 } kept ? Directory.CreateDirectory(kept) : null;
        var work = keep ?? Directory.CreateTempSubdirectory("watchbot-ingest-bench-");
        var figures = new List<(string, string)>
        {
            ("base articles", $"{bases.Count} files, {bases.Sum(b => b.Bytes.Length) / 1024.0:0.0} KB, {bases.Average(b => b.Bytes.Length) / 1024.0:0.0} KB each"),
        };
        var met = true;
        try
        {
            // Extraction alone on the first folder, for the "within 1.5x of extraction" comparison on the same machine.
            var probe = ArticleCorpus.Generate(bases, Math.Min(2_000, sizes.Max()), repeats: false);
            figures.Add(("extraction alone (parse + extract, no store)", ExtractionAlone(probe, extractor.Value, TopicFile.Parse(await File.ReadAllTextAsync(topicsFile, cancellationToken).ConfigureAwait(false)))));
            double? lastFlatness = null;
            foreach (var size in sizes)
            {
                foreach (var repeats in new[] { false, true })
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var run = await InProcessAsync(work.FullName, bases, size, repeats, extractor, topicsFile, budget, cancellationToken).ConfigureAwait(false);
                    figures.Add(($"{size} articles {(repeats ? "with" : "without")} repeats", run.Line));
                    if (size == sizes.Max() && !repeats)
                    {
                        lastFlatness = run.Flatness;
                    }
                }
            }

            if (lastFlatness is { } flat)
            {
                met &= flat <= FlatWithin;
            }

            var binaries = Binaries(repo);
            if (binaries.Count > 0)
            {
                // The 20 MB folder of the target, then a folder of each size run in process; the builds take turns on each.
                var folders = new List<(string Label, string Folder, long Bytes, int Count)>();
                var twenty = ArticleCorpus.GenerateBytes(bases, 20L * 1024 * 1024);
                folders.Add(("20 MB folder", Path.Combine(work.FullName, "process-20mb"), ArticleCorpus.Write(Path.Combine(work.FullName, "process-20mb"), twenty), twenty.Count));
                foreach (var size in sizes)
                {
                    var folder = Path.Combine(work.FullName, $"process-{size}");
                    folders.Add(($"{size} articles", folder, ArticleCorpus.Write(folder, ArticleCorpus.Generate(bases, size, repeats: false)), size));
                }

                foreach (var (label, folder, written, count) in folders)
                {
                    foreach (var (name, path) in binaries)
                    {
                        var db = Path.Combine(work.FullName, $"process-{name}-{folders.IndexOf((label, folder, written, count))}.db");
                        var process = await WholeProcessAsync(path, folder, written, count, db, cancellationToken).ConfigureAwait(false);
                        figures.Add(($"watchbot ingest, {label} ({name}: {path})", process.Line));
                        if (label == folders[0].Label)
                        {
                            met &= process.MegabytesPerSecond >= TargetMegabytesPerSecond && process.PeakRssKb <= TargetPeakRssKb;
                        }
                    }
                }
            }
            else
            {
                figures.Add(("watchbot ingest, 20 MB folder", "no Release build found; run dotnet build -c Release src/Watchbot.Host first"));
                met = false;
            }
        }
        finally
        {
            if (keep is null)
            {
                work.Delete(recursive: true);
            }
        }

        figures.Add(("load average", File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a"));
        return new BenchmarkResult(met, figures);
    }

    /// <summary>Extraction threads of the in-process runs (INGEST_BENCH_WORKERS); null: the production default, one per processor.</summary>
    private static int? Workers => int.TryParse(Environment.GetEnvironmentVariable("INGEST_BENCH_WORKERS"), CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed record RunFigures(string Line, double Flatness);

    private static async Task<RunFigures> InProcessAsync(string work, IReadOnlyList<ArticleCorpus.Base> bases, int size, bool repeats,
        Lazy<Extractor> extractor, string topicsFile, TimeSpan budget, CancellationToken cancellationToken)
    {
        var name = $"{size}-{(repeats ? "repeats" : "unique")}";
        var articles = ArticleCorpus.Generate(bases, size, repeats);
        var folders = new List<(string Folder, long Bytes, int Count)>();
        for (var i = 0; i * Chunk < articles.Count; i++)
        {
            var part = articles.Skip(i * Chunk).Take(Chunk).ToList();
            var folder = Path.Combine(work, name, $"part{i:000}");
            folders.Add((folder, ArticleCorpus.Write(folder, part), part.Count));
        }

        var dbPath = Path.Combine(work, $"{name}.db");
        var store = new SqliteStore(dbPath);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await new TopicSeeder(store.Topics, new WatchbotOptions { TopicsFile = topicsFile }, NullLogger<TopicSeeder>.Instance)
            .SeedAsync(cancellationToken).ConfigureAwait(false);
        var options = new IngestOptions();
        using var http = new HttpClient();
        var timed = new TimedArticleStore(store.Articles);
        var service = new IngestService(new SourceReader(new ArticleFetcher(http, options), store.FetchLog, store.Cursors, options, TimeProvider.System, NullLogger<SourceReader>.Instance),
            timed, store.FetchLog, store.Cursors, store.Topics, extractor, options, TimeProvider.System, NullLogger<IngestService>.Instance);

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var perChunk = new List<double>();
        var cpuPerChunk = new List<double>();
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var count = 0;
        int stored = 0, duplicates = 0, added = 0, merged = 0;
        long peakHeap = 0;
        foreach (var (folder, folderBytes, folderCount) in folders)
        {
            var start = clock.Elapsed;
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var report = await service.RunAsync([new SourceSpec(SourceKind.Folder, folder)], cancellationToken, ReadOn, workers: Workers).ConfigureAwait(false);
            perChunk.Add((clock.Elapsed - start).TotalMilliseconds / folderCount);
            cpuPerChunk.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / folderCount);
            bytes += folderBytes;
            count += folderCount;
            stored += report.Stored;
            duplicates += report.Duplicates;
            added += report.EventsAdded;
            merged += report.EventsMerged;
            peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            if (clock.Elapsed > budget)
            {
                break;
            }
        }

        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        var events = (await store.Events.LastSeqAsync(cancellationToken).ConfigureAwait(false));
        var dbBytes = new FileInfo(dbPath).Length + (File.Exists(dbPath + "-wal") ? new FileInfo(dbPath + "-wal").Length : 0);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var mb = bytes / (1024.0 * 1024.0);
        // Judged on CPU time: on a shared machine the wall clock also counts the time other processes held the cores.
        // The first folder also pays for compiling the code, so the store's growth is judged from the second on.
        var flatness = cpuPerChunk.Count >= 3 ? cpuPerChunk[^1] / cpuPerChunk[1] : 1;
        var line =
            $"{count} of {size} articles{(count < size ? $" (stopped after {budget.TotalSeconds:0} s)" : "")}, {mb:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"(CPU {cpu.TotalSeconds:0.0} s): {mb / clock.Elapsed.TotalSeconds:0.00} MB/s, {count / clock.Elapsed.TotalSeconds:0} articles/s " +
            $"(by CPU time {mb / cpu.TotalSeconds:0.00} MB/s, {count / cpu.TotalSeconds:0} articles/s); " +
            $"{stored} stored, {duplicates} repeats, {added} events added, {merged} merges, last seq {events}; " +
            $"CPU ms per article by {Chunk}: {string.Join(" ", cpuPerChunk.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} " +
            $"(last/second {flatness:0.00}; wall ms: {string.Join(" ", perChunk.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))}); allocated {allocated / (double)Math.Max(1, count) / 1024:0} KB an article; " +
            $"in the store {(timed.Find + timed.Batch).TotalMilliseconds / Math.Max(1, count):0.00} ms an article (duplicate check {timed.Find.TotalMilliseconds / Math.Max(1, count):0.00}, " +
            $"batch transaction {(timed.Batch - timed.Plan).TotalMilliseconds / Math.Max(1, count):0.00}, planning in it {timed.Plan.TotalMilliseconds / Math.Max(1, count):0.00}); " +
            $"collections (gen0/1/2, each counting those of older generations too) {collections[0]}/{collections[1]}/{collections[2]}, paused {paused.TotalSeconds:0.00} s ({paused / clock.Elapsed:P0} of the wall time); " +
            $"managed heap peak {peakHeap / (1024.0 * 1024.0):0} MB, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MB; " +
            $"database {dbBytes / (1024.0 * 1024.0):0.0} MB";
        return new RunFigures(line, flatness);
    }

    private static string ExtractionAlone(IReadOnlyList<(string Name, byte[] Bytes)> articles, Extractor extractor, IReadOnlyList<Topic> topics)
    {
        // One pass to compile the hot paths, then the measured pass.
        foreach (var pass in new[] { false, true })
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long bytes = 0;
            foreach (var (name, raw) in articles)
            {
                var parsed = ArticleParser.ParseBytes(raw, name, null, ReadOn);
                if (parsed.Ok)
                {
                    extractor.Extract(parsed.Article!, name, topics, paragraphs: parsed.Paragraphs);
                }

                bytes += raw.Length;
            }

            if (pass)
            {
                var mb = bytes / (1024.0 * 1024.0);
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                return $"{articles.Count} articles, {mb:0.0} MB in {clock.Elapsed.TotalSeconds:0.00} s: {mb / clock.Elapsed.TotalSeconds:0.00} MB/s, " +
                       $"{articles.Count / clock.Elapsed.TotalSeconds:0} articles/s (by CPU time {mb / cpuSeconds:0.00} MB/s; second pass)";
            }
        }

        return "";
    }

    private sealed record ProcessFigures(string Line, double MegabytesPerSecond, long PeakRssKb);

    /// <summary>Runs <c>watchbot ingest folder --db file</c> under <c>/usr/bin/time -v</c> and reads its wall time and peak RSS.</summary>
    private static async Task<ProcessFigures> WholeProcessAsync(string program, string folder, long bytes, int count, string db, CancellationToken cancellationToken)
    {
        var timed = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(timed ? "/usr/bin/time" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(program)!,
        };
        foreach (var arg in (timed ? new[] { "-v", program } : []).Concat(["ingest", folder, "--db", db]))
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        clock.Stop();
        var lines = (await output.ConfigureAwait(false)).Split('\n');
        var stderr = await error.ConfigureAwait(false);
        var rss = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal)) is { } r
            ? long.Parse(r[(r.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture)
            : -1;
        double Seconds(string label) => stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal)) is { } t
            ? double.Parse(t[(t.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture)
            : double.NaN;
        var cpu = Seconds("User time (seconds):") + Seconds("System time (seconds):");
        var mb = bytes / (1024.0 * 1024.0);
        var rate = mb / clock.Elapsed.TotalSeconds;
        var summary = lines.LastOrDefault(l => l.Contains(" read: ", StringComparison.Ordinal))?.Trim() ?? $"exit code {process.ExitCode}";
        return new ProcessFigures(
            $"{mb:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s: {rate:0.00} MB/s, {count / clock.Elapsed.TotalSeconds:0} articles/s with start-up " +
            $"(CPU {cpu:0.0} s, {mb / cpu:0.00} MB and {count / cpu:0} articles per CPU second); peak RSS {(rss < 0 ? "unknown" : $"{rss / 1024} MB")}; {summary}",
            rate, rss < 0 ? long.MaxValue : rss);
    }

    private static List<(string Name, string Path)> Binaries(string repo)
    {
        if (Environment.GetEnvironmentVariable("INGEST_BENCH_BINARIES") is { Length: > 0 } list)
        {
            return list.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p => (p[0], Path.GetFullPath(p[1])))
                .ToList();
        }

        var release = Path.Combine(repo, "src", "Watchbot.Host", "bin", "Release", "net10.0", "watchbot");
        return File.Exists(release) ? [("this build", release)] : [];
    }
}

/// <summary>Generated folders of real-sized articles: copies of the samples and the shared corpus, each made new text.</summary>
internal static class ArticleCorpus
{
    public sealed record Base(string Extension, byte[] Bytes);

    public static List<Base> Load(string repo)
    {
        IEnumerable<string> Folder(params string[] parts) =>
            Directory.Exists(Path.Combine([repo, .. parts])) ? Directory.EnumerateFiles(Path.Combine([repo, .. parts])).Order(StringComparer.Ordinal) : [];
        return Folder("samples", "articles")
            .Concat(Folder("..", "shared", "corpus", "articles"))
            .Concat(Folder("..", "shared", "corpus", "dev", "articles"))
            .Where(p => SourceReader.ArticleExtensions.Contains(Path.GetExtension(p).ToLowerInvariant()))
            .Select(p => new Base(Path.GetExtension(p), File.ReadAllBytes(p)))
            .ToList();
    }

    /// <summary><paramref name="count"/> files; with repeats, every fourth is an exact copy of an earlier one under another name.</summary>
    public static List<(string Name, byte[] Bytes)> Generate(IReadOnlyList<Base> bases, int count, bool repeats)
    {
        var files = new List<(string Name, byte[] Bytes)>(count);
        var random = new Random(22);
        for (var i = 0; i < count; i++)
        {
            if (repeats && i % 4 == 3)
            {
                var earlier = files[random.Next(files.Count)];
                files.Add(($"a{i:000000}-repeat{Path.GetExtension(earlier.Name)}", earlier.Bytes));
                continue;
            }

            var b = bases[i % bases.Count];
            files.Add(($"a{i:000000}{b.Extension}", Edit(b, i)));
        }

        return files;
    }

    /// <summary>New files, without repeats, until they hold at least <paramref name="bytes"/>.</summary>
    public static List<(string Name, byte[] Bytes)> GenerateBytes(IReadOnlyList<Base> bases, long bytes)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        long total = 0;
        for (var i = 0; total < bytes; i++)
        {
            var b = bases[i % bases.Count];
            var edited = Edit(b, i);
            files.Add(($"a{i:000000}{b.Extension}", edited));
            total += edited.Length;
        }

        return files;
    }

    /// <summary>Writes the files into <paramref name="folder"/> (created); returns their bytes.</summary>
    public static long Write(string folder, IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        Directory.CreateDirectory(folder);
        long total = 0;
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            total += bytes.Length;
        }

        return total;
    }

    /// <summary>The base article with an editor's note of its own (a paragraph naming no place, figure or date) in the
    /// middle: new text for the content hash, the same stories for the extractor.</summary>
    private static byte[] Edit(Base b, int i)
    {
        var text = Encoding.UTF8.GetString(b.Bytes);
        var html = b.Extension.StartsWith(".htm", StringComparison.OrdinalIgnoreCase);
        var note = $"Editorial note {Letters(i)}: this copy was filed again by the desk.";
        var mark = html ? "</p>" : "\n\n";
        var at = text.IndexOf(mark, text.Length / 2, StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf(mark, StringComparison.Ordinal);
        }

        var insert = html ? $"</p>\n<p>{note}" : $"\n\n{note}";
        text = at < 0 ? text + (html ? $"<p>{note}</p>" : $"\n\n{note}\n") : text[..at] + insert + text[at..];
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A number written in letters (base 26), so that it is read as no figure or date.</summary>
    private static string Letters(int i)
    {
        var s = new StringBuilder();
        do
        {
            s.Insert(0, (char)('a' + (i % 26)));
            i /= 26;
        }
        while (i > 0);

        return s.ToString();
    }
}
