using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Benchmarks;

/// <summary>
/// The digest run the Quartz digest job makes (<see cref="DigestService.RunDueAsync"/>), on the real SQLite stores in a
/// temp folder: 1,000 new events (and 200 older ones that carry the casualty tallies) across 20 topics, against 10,000,
/// 30,000 and 100,000 subscriptions with varied filters (kinds, severity, places, actors, include and exclude words,
/// combinations, none), some with alerts, daily digest times spread over the day in seven time zones and all due now,
/// a tenth of them new (their first digest starts from the lookback). Each scale gets its own database; the wall time
/// is composing and queueing every due digest, the peak is the process's resident set (VmHWM) during that run.
/// </summary>
public sealed class DigestBenchmark : IBenchmark
{
    private const int FreshEvents = 1000;
    private const int HistoryEvents = 200;
    private const double TargetSeconds = 5;
    private const double TargetPeakMegabytes = 500;
    private static readonly int[] DefaultScales = [10_000, 30_000, 100_000];

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 17, 0, 0, TimeSpan.Zero);

    private static readonly string[] Topics =
    [
        "karabakh", "sahel", "ukraine", "sudan", "yemen", "gaza", "myanmar", "ethiopia", "syria", "drc",
        "somalia", "libya", "haiti", "mozambique", "colombia", "kashmir", "lebanon", "iraq", "nigeria", "cameroon",
    ];

    private static readonly string[] Zones =
        ["UTC", "Asia/Yerevan", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Africa/Bamako", "Australia/Sydney"];

    private static readonly string[] Words =
        ["drone", "artillery", "missile", "convoy", "hospital", "school", "bridge", "ceasefire", "talks", "refugees", "airstrike", "exercise", "border", "fuel depot"];

    private static readonly string[] Sides = ["government", "rebel"];

    public string Name => "digests";

    public string Target =>
        $"every due digest of 100,000 subscriptions against {FreshEvents:N0} new events composed and queued in under {TargetSeconds:0} s, " +
        $"peak memory under {TargetPeakMegabytes:0} MB, cost per subscription no worse than linear from 10,000 to 100,000";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<(string, string)>();

        // Warm up (JIT to the optimised tier, zone data, SQLite) on a full 10,000 run, so the first scale measures the
        // steady cost like the others rather than the compiler's.
        await RunScaleAsync(10_000, cancellationToken);

        var runs = new List<ScaleRun>();
        foreach (var scale in Scales())
        {
            var run = await RunScaleAsync(scale, cancellationToken);
            runs.Add(run);
            figures.Add(($"{scale:N0} subscriptions",
                $"{run.Seconds:0.00} s wall ({run.MicrosecondsPerSubscription:0.0} µs a subscription), {run.CpuSeconds:0.00} s CPU, " +
                $"peak RSS {run.PeakMegabytes:0} MB; {run.Due:N0} due, {run.Queued:N0} queued, {run.Empty:N0} with nothing new, " +
                $"{run.Lines / (double)Math.Max(1, run.Queued):0.0} events a digest, outbox {run.OutboxMegabytes:0.0} MB; " +
                $"lines as expected: {(run.LinesAsExpected ? "yes" : "NO")}, second run due: {run.DueAgain}"));
        }

        var first = runs[0];
        var last = runs[^1];
        var growth = last.MicrosecondsPerSubscription / first.MicrosecondsPerSubscription;
        figures.Add(($"cost a subscription, {last.Scale:N0} over {first.Scale:N0}", $"{growth:0.00}x (1.00x is linear; below is better)"));
        figures.Add(("process peak working set", $"{Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MB (whole run, seeding included)"));
        figures.Add(("load average at the end", LoadAverage()));
        figures.Add(("processors", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)));

        var met = last.Scale >= 100_000 && last.Seconds < TargetSeconds
                  && runs.All(r => r.PeakMegabytes < TargetPeakMegabytes)
                  && growth <= 1.25
                  && runs.All(r => r.LinesAsExpected && r.DueAgain == 0 && r.Due == r.Scale && r.Skipped == 0);
        return new BenchmarkResult(met, figures);
    }

    private static async Task<ScaleRun> RunScaleAsync(int scale, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "watchbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var clock = new ManualClock(Now - TimeSpan.FromDays(3));
            var store = new SqliteStore(Path.Combine(folder, "bench.db"), clock);
            await store.MigrateAsync(cancellationToken);
            await SeedEventsAsync(store, clock, cancellationToken);
            var subscriptions = await store.Subscriptions.AddManyAsync(Subscriptions(scale), cancellationToken);
            clock.Now = Now;

            var settings = new DigestSettings();
            var service = new DigestService(store.Events, store.Subscriptions, store.Outbox, settings, NullLogger<DigestService>.Instance);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            ResetPeakResidentSet();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var result = await service.RunDueAsync(Now, cancellationToken);
            wall.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var peak = PeakResidentSetMegabytes();

            var again = await service.RunDueAsync(Now, cancellationToken);
            var expectedLines = await ExpectedLinesAsync(store, subscriptions, settings, cancellationToken);
            var outboxBytes = await OutboxBytesAsync(store, cancellationToken);
            return new ScaleRun(scale, wall.Elapsed.TotalSeconds, cpuUsed.TotalSeconds, peak, result.Due, result.Queued, result.Empty,
                result.Skipped, result.Events, expectedLines == result.Events, again.Due, outboxBytes / (1024.0 * 1024.0));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The temp cleaner takes the rest.
            }
        }
    }

    /// <summary>WATCHBOT_BENCH_DIGEST_SCALES="10000,30000" runs other scales (the first and last are compared).</summary>
    private static int[] Scales() =>
        Environment.GetEnvironmentVariable("WATCHBOT_BENCH_DIGEST_SCALES") is { Length: > 0 } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray()
            : DefaultScales;

    /// <summary>200 older events three to two days ago (the tallies' earlier figures), then 1,000 new ones over the last day.</summary>
    private static async Task SeedEventsAsync(SqliteStore store, ManualClock clock, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        for (var i = 0; i < HistoryEvents + FreshEvents; i++)
        {
            var history = i < HistoryEvents;
            clock.Now = history
                ? Now - TimeSpan.FromDays(3) + TimeSpan.FromDays(1) * i / HistoryEvents
                : Now - TimeSpan.FromHours(23) + TimeSpan.FromHours(22) * (i - HistoryEvents) / FreshEvents;
            await store.Events.AddAsync(Event(i, random, DateOnly.FromDateTime(clock.Now.UtcDateTime)), cancellationToken);
        }
    }

    private static EventDraft Event(int i, Random random, DateOnly date)
    {
        var topic = Topics[i % Topics.Length];
        var topics = random.Next(10) == 0 ? new[] { topic, Topics[(i + 7) % Topics.Length] } : [topic];
        var kind = (EventKind)(random.Next(10) switch { < 4 => 0, < 7 => 1, < 9 => 2, _ => 3 });
        var places = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Place(topic, random.Next(8))).Distinct().ToList();
        var actors = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Actor(topic, random.Next(6))).Distinct().ToList();
        var word = Words[random.Next(Words.Length)];
        var other = Words[random.Next(Words.Length)];
        var summary = $"{Cap(kind.ToString())} report {i}: {word} near {(places.Count > 0 ? places[0] : "the front")}, officials said";
        var claimant = actors.Count > 0 ? actors[0] : null;
        var casualties = kind == EventKind.Casualties
            ? new List<CasualtyClaim>
            {
                new(Sides[random.Next(2)], (Population)random.Next(2), CasualtyOutcome.Killed, 10 + i / 5 + random.Next(20), null,
                    CountQualifier.AtLeast, Cumulative: random.Next(3) > 0, $"{Cap(topic)} ministry"),
            }
            : [];
        return new EventDraft
        {
            Kind = kind,
            Date = date,
            Summary = summary,
            Topics = topics,
            Places = places,
            Actors = actors,
            Severity = 1 + random.Next(5),
            ClaimedBy = claimant,
            Stance = kind == EventKind.Ceasefire ? (CeasefireStance)random.Next(5) : null,
            Casualties = casualties,
            Sources =
            [
                new EventSource(null, $"https://news.example.org/{topic}/{i}", $"{Cap(topic)}: {word} and {other} ({i})", date,
                    $"The {word} was reported on {date:d MMM} by local officials, who also mentioned {other}."),
            ],
        };
    }

    /// <summary>The same mix at every scale: a tenth new, the rest due since yesterday's digest at their own time and zone.</summary>
    private static List<Subscription> Subscriptions(int count)
    {
        var random = new Random(11);
        var list = new List<Subscription>(count);
        for (var j = 0; j < count; j++)
        {
            var topic = random.Next(4) == 0 ? "karabakh" : Topics[random.Next(Topics.Length)];
            var schedule = new DigestSchedule(true, new TimeOnly(random.Next(24), random.Next(60)), Zones[random.Next(Zones.Length)]);
            var fresh = random.Next(10) == 0;
            var createdAt = fresh ? Now - TimeSpan.FromHours(26 + random.Next(10)) - TimeSpan.FromMinutes(random.Next(60)) : Now - TimeSpan.FromDays(30);
            var alerts = random.Next(10) < 3;
            list.Add(new Subscription
            {
                Chat = new ChatAddress(j % 2 == 0 ? "telegram" : "discord", (1_000_000 + j).ToString(CultureInfo.InvariantCulture)),
                UserId = random.Next(10) < 3 ? $"user-{j}" : null,
                Topic = topic,
                Filter = Filter(topic, random),
                Digest = schedule,
                AlertsEnabled = alerts,
                AlertMinSeverity = alerts ? 3 + random.Next(3) : 4,
                DigestCursor = fresh ? 0 : HistoryEvents,
                LastDigestAt = fresh ? null : DigestClock.NextAfter(schedule, Now - TimeSpan.FromHours(48)),
                CreatedAt = createdAt,
            });
        }

        return list;
    }

    private static SubscriptionFilter Filter(string topic, Random random)
    {
        IReadOnlyList<EventKind> Kinds() => Enumerable.Range(0, 1 + random.Next(2)).Select(_ => (EventKind)random.Next(4)).Distinct().ToList();
        IReadOnlyList<string> Places() => Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Place(topic, random.Next(8))).Distinct().ToList();
        IReadOnlyList<string> Actors() => Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Actor(topic, random.Next(6))).Distinct().ToList();
        IReadOnlyList<string> Some() => Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Words[random.Next(Words.Length)]).Distinct().ToList();
        return random.Next(20) switch
        {
            < 4 => SubscriptionFilter.None,
            < 7 => new SubscriptionFilter { Kinds = Kinds() },
            < 10 => new SubscriptionFilter { MinSeverity = 3 + random.Next(3) },
            < 12 => new SubscriptionFilter { Places = Places() },
            < 14 => new SubscriptionFilter { Actors = Actors() },
            < 16 => new SubscriptionFilter { Include = Some(), Exclude = random.Next(2) == 0 ? ["exercise"] : [] },
            < 18 => new SubscriptionFilter { Kinds = Kinds(), MinSeverity = 2 + random.Next(3), Exclude = Some() },
            _ => new SubscriptionFilter { Places = Places(), Actors = Actors(), MinSeverity = 1 + random.Next(3) },
        };
    }

    /// <summary>What the digests should hold, counted the slow, obvious way with <see cref="FilterMatcher"/>.</summary>
    private static async Task<int> ExpectedLinesAsync(SqliteStore store, IReadOnlyList<Subscription> subscriptions, DigestSettings settings,
        CancellationToken cancellationToken)
    {
        var events = await store.Events.ListAsync(new Core.Stores.EventQuery { Limit = 10_000 }, cancellationToken);
        var lines = 0;
        foreach (var subscription in subscriptions)
        {
            var cursor = subscription.LastDigestAt is null
                ? events.Where(e => e.ChangedAt < subscription.CreatedAt - settings.FirstDigestLookback).Select(e => e.Seq).DefaultIfEmpty(0).Max()
                : subscription.DigestCursor;
            lines += Math.Min(settings.MaxEvents, events.Count(e => e.Seq > cursor && CompiledFilter.Compile(subscription).Matches(e)));
        }

        return lines;
    }

    private static async Task<long> OutboxBytesAsync(SqliteStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT COALESCE(SUM(LENGTH(message)), 0) FROM outbox) + (SELECT COALESCE(SUM(LENGTH(sections)), 0) FROM outbox_bodies)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string Place(string topic, int k) => $"{Cap(topic)} {(char)('A' + k)}";

    private static string Actor(string topic, int k) => $"{Cap(topic)} faction {k + 1}";

    private static string Cap(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Linux lets a process reset its own peak resident set ("5" into clear_refs), so each scale's peak is its own.</summary>
    private static void ResetPeakResidentSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak is then the process's peak so far.
        }
    }

    private static double PeakResidentSetMegabytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        catch (IOException)
        {
            // Fall back to what .NET reports.
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private sealed record ScaleRun(int Scale, double Seconds, double CpuSeconds, double PeakMegabytes, int Due, int Queued, int Empty,
        int Skipped, int Lines, bool LinesAsExpected, int DueAgain, double OutboxMegabytes)
    {
        public double MicrosecondsPerSubscription => Seconds * 1_000_000 / Scale;
    }
}
