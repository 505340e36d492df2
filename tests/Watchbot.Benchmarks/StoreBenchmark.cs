using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Commands;
using Watchbot.Core.Commands.Handlers;
using Watchbot.Core.Delivery;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Benchmarks;

/// <summary>
/// Does a store that has run for a year of a busy war answer as fast as a new one? Two stores get the same day's work
/// through the real stores: 300 new events (a day of the war; about one in eighty, and the newest, a running casualty
/// tally), 500
/// subscriptions whose 08:00 digest is due, and 200 messages waiting for delivery. The large store also holds the year
/// before it: 100,000 events with their sources, 9,500 more subscriptions (10,000 in all, their digests due later in
/// the day) and 5,000,000 delivered messages, the messages written by direct SQL in one transaction (a fixture).
/// Timed on each store, median of several runs: the delivery worker's poll of the outbox, a digest run (every due digest
/// composed and queued; the store is put back between runs, untimed), and /latest on the topic. Target: the large store
/// within twice the time of the small one for each.
/// </summary>
public sealed class StoreBenchmark : IBenchmark
{
    private const string Topic = "karabakh";
    private const int HistoryEvents = 100_000;
    private const int DayEvents = 300;
    private const int DueSubscriptions = 500;
    private const int AllSubscriptions = 10_000;
    private const int PendingMessages = 200;
    private const double Factor = 2.0;

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 30, TimeSpan.Zero);
    private static readonly string[] Places = ["Stepanakert", "Shusha", "Hadrut", "Martuni", "Ganja", "Terter", "Barda", "Fuzuli"];
    private static readonly string[] Actors = ["Azerbaijan", "Armenia", "Artsakh", "Russia"];

    public string Name => "store";

    public string Target =>
        $"poll, digest run and /latest on a store holding a year of war ({HistoryEvents:N0} events, {AllSubscriptions:N0} subscriptions, " +
        $"{Messages():N0} delivered messages) within {Factor:0}x of the same work on a new store";

    /// <summary>WATCHBOT_BENCH_STORE_MESSAGES sets how many delivered messages the large store holds (default 5,000,000).</summary>
    private static int Messages() =>
        Environment.GetEnvironmentVariable("WATCHBOT_BENCH_STORE_MESSAGES") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : 5_000_000;

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "watchbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var figures = new List<(string, string)>();
            var build = Stopwatch.StartNew();
            var large = await BuildAsync(Path.Combine(folder, "year.db"), history: true, cancellationToken);
            figures.Add(("large store built in", $"{build.Elapsed.TotalSeconds:0} s"));
            var small = await BuildAsync(Path.Combine(folder, "new.db"), history: false, cancellationToken);

            // Warm both (JIT, page cache) once, then measure each in turn.
            await MeasureAsync(small, 1, cancellationToken);
            await MeasureAsync(large, 1, cancellationToken);
            var empty = await MeasureAsync(small, 7, cancellationToken);
            var year = await MeasureAsync(large, 7, cancellationToken);

            var met = true;
            foreach (var (what, a, b) in new[] { ("outbox poll", empty.Poll, year.Poll), ("digest run", empty.Digest, year.Digest), ("/latest", empty.Latest, year.Latest) })
            {
                var ratio = b / a;
                met &= ratio <= Factor;
                figures.Add((what, $"new store {a:0.00} ms, year store {b:0.00} ms ({ratio:0.00}x)"));
            }

            figures.Add(("of the digest run, reading the subscriptions that may be due", $"new store {empty.Subscriptions:0.00} ms, year store {year.Subscriptions:0.00} ms ({DueSubscriptions:N0} of {DueSubscriptions:N0} and of {AllSubscriptions:N0})"));
            figures.Add(("digest run, what it did", $"{year.Queued:N0} digests queued, {year.Lines:N0} event lines (new store: {empty.Queued:N0}, {empty.Lines:N0})"));
            figures.Add(("year store on disk", $"{FileMegabytes(large.Database.Path):N0} MB ({HistoryEvents + DayEvents:N0} events, {AllSubscriptions:N0} subscriptions, {Messages() + PendingMessages:N0} messages)"));
            figures.Add(("new store on disk", $"{FileMegabytes(small.Database.Path):N1} MB"));
            met &= year.Lines == empty.Lines && year.Queued == DueSubscriptions;
            return new BenchmarkResult(met, figures);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                // WATCHBOT_BENCH_STORE_KEEP=1 keeps both stores to look into (EXPLAIN QUERY PLAN); the folder is printed.
                if (Environment.GetEnvironmentVariable("WATCHBOT_BENCH_STORE_KEEP") == "1")
                {
                    Console.WriteLine($"   stores kept in {folder}");
                    folder = Path.Combine(folder, "nothing");
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Kept.
            }
            catch (IOException)
            {
                // The temp cleaner takes the rest.
            }
        }
    }

    private static double FileMegabytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length) / (1024.0 * 1024.0);

    private sealed record Timings(double Poll, double Digest, double Latest, int Queued, int Lines, double Subscriptions);

    private static async Task<Timings> MeasureAsync(SqliteStore store, int runs, CancellationToken cancellationToken)
    {
        var polls = new List<double>();
        var digests = new List<double>();
        var latests = new List<double>();
        var reads = new List<double>();
        var batch = new DeliverySettings().BatchSize;
        var latest = new LatestHandler(store.Events, store.Topics, store.Subscriptions);
        var context = new CommandContext(
            new IncomingCommand(new ChatAddress("telegram", "42"), ChatKind.Private, new CommandSender("telegram", "42"), false, $"/latest {Topic}"),
            "latest", [Topic], Now, false, false, []);
        DigestRunResult? last = null;
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                var due = await store.Outbox.NextDueAsync("telegram", Now, batch, cancellationToken);
                polls.Add(clock.Elapsed.TotalMilliseconds);
                if (due.Count != Math.Min(batch, PendingMessages))
                {
                    throw new InvalidOperationException($"The poll found {due.Count} messages.");
                }

                clock.Restart();
                var reply = await latest.HandleAsync(context, cancellationToken);
                latests.Add(clock.Elapsed.TotalMilliseconds);
                if (reply.Message.Sections.Sum(s => s.Items.Count) != 5)
                {
                    throw new InvalidOperationException("/latest did not list five events.");
                }
            }

            var read = Stopwatch.StartNew();
            var candidates = await store.Subscriptions.ListDigestDueAsync(Now, cancellationToken);
            reads.Add(read.Elapsed.TotalMilliseconds);
            if (candidates.Count != DueSubscriptions)
            {
                throw new InvalidOperationException($"{candidates.Count} subscriptions read as maybe due.");
            }

            var mark = await MarkAsync(store, cancellationToken);
            var service = new DigestService(store.Events, store.Subscriptions, store.Outbox, new DigestSettings(), NullLogger<DigestService>.Instance);
            var watch = Stopwatch.StartNew();
            last = await service.RunDueAsync(Now, cancellationToken);
            digests.Add(watch.Elapsed.TotalMilliseconds);
            await RestoreAsync(store, mark, cancellationToken);
        }

        return new Timings(Median(polls), Median(digests), Median(latests), last!.Queued, last.Events, Median(reads));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed record Mark(long Outbox, long Bodies);

    private static async Task<Mark> MarkAsync(SqliteStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        return new Mark(
            await ScalarAsync(connection, "SELECT COALESCE(MAX(id), 0) FROM outbox", cancellationToken),
            await ScalarAsync(connection, "SELECT COALESCE(MAX(id), 0) FROM outbox_bodies", cancellationToken));
    }

    /// <summary>Puts the store back as before the digest run: its digests gone, the due subscriptions due again.</summary>
    private static async Task RestoreAsync(SqliteStore store, Mark mark, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            $"""
             DELETE FROM outbox WHERE id > {mark.Outbox};
             DELETE FROM outbox_bodies WHERE id > {mark.Bodies};
             UPDATE subscriptions SET digest_cursor = (SELECT value FROM job_cursors WHERE name = 'bench.history'),
                 last_digest_at = '{DueSince}', digest_due_at = '{DueAt}' WHERE digest_time = '08:00';
             """, cancellationToken);
    }

    /// <summary>When the due subscriptions had their last digest: yesterday at 08:00, as the store writes times.</summary>
    private static readonly string DueSince = (Now.Date.AddDays(-1).AddHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "+00:00";

    /// <summary>When their digest fell due: today at 08:00.</summary>
    private static readonly string DueAt = (Now.Date.AddHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "+00:00";

    private static async Task<SqliteStore> BuildAsync(string path, bool history, CancellationToken cancellationToken)
    {
        var clock = new ManualClock(Now - TimeSpan.FromDays(366));
        var store = new SqliteStore(path, clock);
        await store.MigrateAsync(cancellationToken);
        await store.Topics.UpsertAsync(new Topic(Topic, "Armenia-Azerbaijan", [], [], []), cancellationToken);
        var random = new Random(21);
        var start = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-365);
        if (history)
        {
            // Written through the real store a thousand at a time, each with its time of arrival over the year.
            for (var i = 0; i < HistoryEvents; i += 1000)
            {
                clock.Now = Now - TimeSpan.FromDays(365) + TimeSpan.FromDays(364.0 * i / HistoryEvents);
                var date = start.AddDays(364 * i / HistoryEvents);
                await store.Events.AddManyAsync([.. Enumerable.Range(i, 1000).Select(n => Event(n, date, random))], cancellationToken);
            }
        }

        await using (var connection = await store.Database.OpenAsync(cancellationToken))
        {
            var historySeq = await ScalarAsync(connection, "SELECT last_seq FROM event_seq", cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO job_cursors (name, value, updated_at) VALUES ('bench.history', {historySeq}, NULL)", cancellationToken);
        }

        clock.Now = Now - TimeSpan.FromDays(30);
        var subscriptions = Enumerable.Range(0, history ? AllSubscriptions : DueSubscriptions).Select(Subscription).ToList();
        await store.Subscriptions.AddManyAsync(subscriptions, cancellationToken);

        if (history && Messages() > 0)
        {
            await FillOutboxAsync(store, Messages(), cancellationToken);
        }

        // The day's work, the same on both stores.
        clock.Now = Now - TimeSpan.FromHours(20);
        var today = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1);
        var day = new Random(4);
        await store.Events.AddManyAsync([.. Enumerable.Range(HistoryEvents, DayEvents).Select(n => Event(n, today, day))], cancellationToken);
        for (var i = 0; i < PendingMessages; i++)
        {
            await store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("telegram", $"chat{i}"),
                new OutgoingMessage(MessageKind.Alert, "Karabakh alert, severity 4 of 5", [new MessageSection(null, [MessageItem.Plain($"Shelling of village {i}")])])), cancellationToken);
        }

        await using (var connection = await store.Database.OpenAsync(cancellationToken))
        {
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        await RestoreAsync(store, await MarkAsync(store, cancellationToken), cancellationToken);
        return store;
    }

    /// <summary>Subscriptions 0..499 get their digest at 08:00 UTC and had yesterday's; the rest at a later hour in the day.</summary>
    private static Subscription Subscription(int j)
    {
        var due = j < DueSubscriptions;
        var time = due ? new TimeOnly(8, 0) : new TimeOnly(9 + j % 14, j % 60);
        var filter = (j % 5) switch
        {
            0 => SubscriptionFilter.None,
            1 => new SubscriptionFilter { MinSeverity = 3 },
            2 => new SubscriptionFilter { Kinds = [EventKind.Casualties, EventKind.Escalation] },
            3 => new SubscriptionFilter { Places = [Places[j % Places.Length]] },
            _ => new SubscriptionFilter { Include = ["drone"], MinSeverity = 2 },
        };
        var schedule = new DigestSchedule(true, time, "UTC");
        return new Subscription
        {
            Chat = new ChatAddress("telegram", (1_000_000 + j).ToString(CultureInfo.InvariantCulture)),
            Topic = Topic,
            Filter = filter,
            Digest = schedule,
            AlertsEnabled = j % 3 == 0,
            AlertMinSeverity = 4,
            LastDigestAt = due ? Now.Date.AddDays(-1).AddHours(8) : DigestClock.NextAfter(schedule, Now - TimeSpan.FromDays(1)),
            CreatedAt = Now - TimeSpan.FromDays(30),
        };
    }

    private static EventDraft Event(int n, DateOnly date, Random random)
    {
        var kind = (EventKind)(random.Next(10) switch { < 5 => 0, < 8 => 1, < 9 => 2, _ => 3 });
        var place = Places[random.Next(Places.Length)];
        var actor = Actors[random.Next(Actors.Length)];

        // The newest event of the day is a running toll, so /latest shows one and reads the figures before it.
        var newest = n == HistoryEvents + DayEvents - 1;
        kind = newest ? EventKind.Casualties : kind;
        var tally = kind == EventKind.Casualties && (n % 25 == 0 || newest);
        return new EventDraft
        {
            Kind = kind,
            Date = date,
            Summary = $"Report {n}: {(random.Next(4) == 0 ? "drone" : "artillery")} fire near {place}, officials said",
            Topics = [Topic],
            Places = [place],
            Actors = [actor],
            Severity = 1 + random.Next(5),
            ClaimedBy = actor,
            Casualties = kind == EventKind.Casualties
                ? [new CasualtyClaim(random.Next(2) == 0 ? "Armenia" : "Azerbaijan", Population.Military, CasualtyOutcome.Killed,
                    tally ? 100 + n / 50 : 1 + random.Next(9), null, CountQualifier.AtLeast, tally, actor)]
                : [],
            Sources =
            [
                new EventSource(null, $"https://news.example.org/karabakh/{n}", $"Fighting near {place} ({n})", date,
                    $"Officials said the {kind.ToString().ToLowerInvariant()} near {place} was reported on {date:d MMM}."),
            ],
        };
    }

    /// <summary>Delivered messages of the past month, a tenth of them digests, written straight into the table in one
    /// transaction: one real alert's stored text, repeated over 10,000 chats.</summary>
    private static async Task FillOutboxAsync(SqliteStore store, int count, CancellationToken cancellationToken)
    {
        var sample = await store.Outbox.EnqueueAsync(new OutboxDraft(new ChatAddress("telegram", "sample"),
            new OutgoingMessage(MessageKind.Alert, "Karabakh alert, severity 4 of 5",
            [
                new MessageSection(null, [MessageItem.Plain("Artillery fire hit the outskirts of Martuni overnight; two houses burned (per Artsakh officials). 3 Dec")]),
            ])), cancellationToken);
        await using var connection = new SqliteConnection($"Data Source={store.Database.Path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            $"""
             PRAGMA synchronous = OFF;
             BEGIN;
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
             INSERT INTO outbox (platform, chat_id, subscription_id, kind, message, status, attempts, created_at, sent_at, platform_message_id)
             SELECT 'telegram', CAST(1000000 + i % {AllSubscriptions} AS TEXT), 1 + i % {AllSubscriptions}, CASE WHEN i % 10 = 0 THEN 'digest' ELSE 'alert' END,
                    (SELECT message FROM outbox WHERE id = {sample}), 'sent', 1,
                    strftime('%Y-%m-%dT%H:%M:%S.0000000+00:00', '{Now.AddDays(-30):yyyy-MM-dd HH:mm:ss}', '+' || (i * 2592 / {count} * 1000) || ' seconds'),
                    strftime('%Y-%m-%dT%H:%M:%S.0000000+00:00', '{Now.AddDays(-30):yyyy-MM-dd HH:mm:ss}', '+' || (i * 2592 / {count} * 1000 + 1) || ' seconds'),
                    CAST(i AS TEXT)
             FROM n;
             DELETE FROM outbox WHERE id = {sample};
             COMMIT;
             """, cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
