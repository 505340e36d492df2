using System.Collections.Concurrent;
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
using Watchbot.Storage.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Storage.Tests;

/// <summary>
/// The short CI version of the large-store benchmark (tests/Watchbot.Benchmarks, "store"): every statement the delivery
/// worker's poll, a digest run and /latest send to SQLite, caught as it runs, is asked for its query plan, and none may
/// walk a table that grows with the years (events, their sources, the outbox, digest bodies). Reading every active
/// subscription is by design (a digest run asks each whether it is due) and is allowed.
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 30, TimeSpan.Zero);
    private static readonly string[] Growing = ["events", "event_sources", "outbox", "outbox_bodies"];
    private static CancellationToken Ct => CancellationToken.None;

    private readonly TempFolder folder = new();
    private readonly ConcurrentQueue<string> statements = new();

    [Fact]
    public async Task Poll_digest_and_latest_read_the_growing_tables_only_through_indexes()
    {
        var clock = new ManualClock(Now - TimeSpan.FromDays(40));
        var store = new SqliteStore(new SqliteDatabase(folder.File("plans.db"), clock) { Opened = Watch });
        await store.MigrateAsync(Ct);
        await SeedAsync(store, clock);
        statements.Clear();

        var due = await store.Outbox.NextDueAsync("telegram", Now, 100, Ct);
        var digests = await new DigestService(store.Events, store.Subscriptions, store.Outbox, new DigestSettings(), NullLogger<DigestService>.Instance)
            .RunDueAsync(Now, Ct);
        var latest = await new LatestHandler(store.Events, store.Topics, store.Subscriptions).HandleAsync(
            new CommandContext(new IncomingCommand(new ChatAddress("telegram", "7"), ChatKind.Private, new CommandSender("telegram", "7"), false, "/latest karabakh"),
                "latest", ["karabakh"], Now, false, false, []), Ct);

        Assert.Equal(20, due.Count);
        Assert.Equal(10, digests.Queued);
        Assert.Contains("running toll", latest.Message.ToPlainText());
        var plans = await PlansAsync(store);
        Assert.Contains(plans, p => p.Plan.Contains("events_tallies", StringComparison.Ordinal));
        // A walk is a SCAN of the table, or of a whole index of it: a plan of a growing table must SEARCH.
        var walks = plans.Where(p => p.Plan.Split('\n').Any(Walks)).Select(p => $"{p.Sql}\n  {p.Plan}").ToList();
        Assert.True(walks.Count == 0, string.Join("\n\n", walks));
    }

    private static bool Walks(string planLine) =>
        Growing.Any(table => planLine == $"SCAN {table}" || planLine.StartsWith($"SCAN {table} ", StringComparison.Ordinal));

    [Theory]
    [InlineData("SCAN events", true)]
    [InlineData("SCAN outbox USING INDEX outbox_queue", true)]
    [InlineData("SEARCH events USING INDEX events_status_seq (status=? AND seq>?)", false)]
    [InlineData("SCAN subscriptions", false)]
    [InlineData("SCAN json_each VIRTUAL TABLE INDEX 1:", false)]
    public void A_walk_is_a_scan_of_a_growing_table_or_of_a_whole_index_of_it(string planLine, bool walks) =>
        Assert.Equal(walks, Walks(planLine));

    private void Watch(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_trace(connection.Handle, (_, sql) => statements.Enqueue(sql), null);

    /// <summary>The plan of each distinct SELECT caught (with its values written in, as SQLite traced it).</summary>
    private async Task<List<(string Sql, string Plan)>> PlansAsync(SqliteStore store)
    {
        var selects = statements.Select(s => s.Trim()).Where(s => s.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("WITH", StringComparison.OrdinalIgnoreCase) || s.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        Assert.NotEmpty(selects);
        await using var connection = new SqliteConnection($"Data Source={store.Database.Path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var plans = new List<(string, string)>();
        foreach (var sql in selects)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            plans.Add((sql, string.Join("\n", lines)));
        }

        return plans;
    }

    /// <summary>A small store shaped like a long-running one: two months of events (running tolls among them) with sources,
    /// delivered messages, ten subscriptions due now and ten later, and twenty messages waiting.</summary>
    private static async Task SeedAsync(SqliteStore store, ManualClock clock)
    {
        await store.Topics.UpsertAsync(new Topic("karabakh", "Armenia-Azerbaijan", [], [], []), Ct);
        for (var day = 0; day < 40; day++)
        {
            clock.Now = Now - TimeSpan.FromDays(40 - day);
            var date = DateOnly.FromDateTime(clock.Now.UtcDateTime);
            await store.Events.AddManyAsync([.. Enumerable.Range(0, 10).Select(i => Event(day * 10 + i, date))], Ct);
        }

        var subscriptions = Enumerable.Range(0, 20).Select(j =>
        {
            var schedule = new DigestSchedule(true, j < 10 ? new TimeOnly(8, 0) : new TimeOnly(18, 0), "UTC");
            return new Subscription
            {
                Chat = new ChatAddress("telegram", $"{100 + j}"),
                Topic = "karabakh",
                Filter = j % 2 == 0 ? SubscriptionFilter.None : new SubscriptionFilter { MinSeverity = 3 },
                Digest = schedule,
                LastDigestAt = DigestClock.NextAfter(schedule, Now - TimeSpan.FromDays(j < 10 ? 2 : 1)),
                CreatedAt = Now - TimeSpan.FromDays(30),
            };
        }).ToList();
        await store.Subscriptions.AddManyAsync(subscriptions, Ct);
        clock.Now = Now - TimeSpan.FromMinutes(5);
        for (var i = 0; i < 40; i++)
        {
            var id = await store.Outbox.EnqueueAsync(Draft(i), Ct);
            if (i >= 20)
            {
                await store.Outbox.MarkSentAsync(id, $"m{i}", clock.Now, Ct);
            }
        }
    }

    private static OutboxDraft Draft(int i) =>
        new(new ChatAddress("telegram", $"{200 + i % 20}"), new OutgoingMessage(MessageKind.Alert, "Karabakh alert", [new MessageSection(null, [MessageItem.Plain($"Shelling {i}")])]));

    private static EventDraft Event(int n, DateOnly date) => new()
    {
        Kind = n % 5 == 0 ? EventKind.Casualties : EventKind.Escalation,
        Date = date,
        Summary = n % 5 == 0 ? $"A running toll {n}" : $"Shelling near the town {n}",
        Topics = ["karabakh"],
        Severity = 1 + n % 5,
        Casualties = n % 5 == 0
            ? [new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, 100 + n, null, CountQualifier.Exact, true, "Armenia")]
            : [],
        Sources = [new EventSource(null, $"https://news.example.org/{n}", "Fighting", date, "Officials reported it.")],
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
