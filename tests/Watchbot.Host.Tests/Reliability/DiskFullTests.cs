using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Alerts;
using Watchbot.Core.Delivery;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;
using Watchbot.Host.Jobs;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;
using Watchbot.Fakes;

namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// The store fills up (its file capped with SQLite's max_page_count, which refuses a write exactly as a full disk
/// does) while the poll and digest jobs bring in new work and the delivery service sends what is queued: the bot says
/// once that the disk is full, stops starting new work, keeps everything committed, still delivers what was queued, and
/// resumes by itself once space is freed. The real jobs and services on a real SQLite file, with a hand-moved clock.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder temp = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2020, 10, 4, 7, 0, 0, TimeSpan.Zero));
    private readonly ListLogger log = new();

    [Fact]
    public async Task A_full_store_is_said_once_stops_new_work_keeps_what_was_committed_and_resumes_when_space_returns()
    {
        var store = new SqliteStore(new SqliteDatabase(temp.File("watchbot.db"), clock) { MaxSizeBytes = 1024 * 1024 });
        await store.MigrateAsync(None);
        await store.Topics.UpsertAsync(new Topic("karabakh", "The war", [], [], []), None);
        var chat = new ChatAddress("test", "reader");
        await store.Subscriptions.AddAsync(new Subscription
        {
            Chat = chat, Topic = "karabakh", AlertsEnabled = true, AlertMinSeverity = 1, CreatedAt = clock.GetUtcNow() - TimeSpan.FromDays(1),
            LastDigestAt = clock.GetUtcNow() - TimeSpan.FromDays(1), Digest = new DigestSchedule(true, new TimeOnly(8, 0), "UTC"),
        }, None);
        var queued = await store.Outbox.EnqueueAsync(new OutboxDraft(chat, OutgoingMessage.Reply("queued before the disk filled")), None);
        var events = await store.Events.AddManyAsync([.. Enumerable.Range(1, 40).Select(Event)], None);

        var space = new StoreSpace(clock, log.For<StoreSpace>());
        var poll = new PollJob(new AlertService(store.Events, store.Subscriptions, store.Outbox, store.Cursors, store.ChatSettings, NullLogger<AlertService>.Instance),
            clock, store, space, log.For<PollJob>());
        var digest = new DigestJob(new DigestService(store.Events, store.Subscriptions, store.Outbox, new DigestSettings(), NullLogger<DigestService>.Instance),
            clock, store, space, log.For<DigestJob>());
        var transport = new FakeTransport();
        var delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings(), clock, NullLogger<DeliveryService>.Instance);

        await FillAsync(store);
        await poll.Execute(null!, None);
        for (var tick = 0; tick < 4; tick++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await poll.Execute(null!, None);
            await digest.Execute(null!, None);
        }

        var fullErrors = log.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.True(space.IsFull);
        Assert.Single(fullErrors);
        Assert.Contains("The database is full", fullErrors[0].Text);
        Assert.Contains("cannot grow", fullErrors[0].Text);
        Assert.DoesNotContain(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(log.Entries, e => e.Level == LogLevel.Debug); // no job tried again within the first wait
        Assert.Equal(0, await ScalarAsync(store, "SELECT value FROM job_cursors WHERE name = 'poll' UNION ALL SELECT 0 LIMIT 1"));
        Assert.Equal(events.Count, await ScalarAsync(store, "SELECT COUNT(*) FROM events"));

        // Delivery of what was queued goes on: its sent mark changes a row in place and needs no new space.
        await delivery.DrainAsync(transport, None);
        Assert.Equal("queued before the disk filled", Assert.Single(transport.Delivered).Message.ToPlainText());
        Assert.Equal(OutboxStatus.Sent, (await store.Outbox.GetAsync(queued, None))!.Status);

        // Space returns; the next try (after the wait) writes, and everything resumes without a restart.
        await ExecuteAsync(store, "DELETE FROM filler");
        clock.Advance(StoreSpace.LongestWait);
        await poll.Execute(null!, None);
        clock.Advance(TimeSpan.FromHours(1));
        await digest.Execute(null!, None);
        await delivery.DrainAsync(transport, None);

        Assert.False(space.IsFull);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("has room again", StringComparison.Ordinal));
        Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(events[^1].Seq, await ScalarAsync(store, "SELECT value FROM job_cursors WHERE name = 'poll'"));
        Assert.Equal(events.Count, transport.Delivered.Count(d => d.Message.Kind == MessageKind.Alert));
        Assert.Single(transport.Delivered, d => d.Message.Kind == MessageKind.Digest);
        Assert.Equal("ok", await IntegrityAsync(store));
    }

    [Fact]
    public void While_full_new_work_starts_once_per_wait_and_the_wait_doubles_to_a_minute()
    {
        var space = new StoreSpace(clock, log.For<StoreSpace>());
        Assert.True(space.MayStart());

        space.Refused("Ingest", "The database file 'x' cannot grow.");
        var waits = new List<double>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var waited = 0;
            while (!space.MayStart())
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                waited++;
            }

            waits.Add(waited);
            space.Refused("Ingest", "The database file 'x' cannot grow.");
        }

        Assert.Equal([5.0, 10, 20, 40, 60, 60], waits);
        Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        space.Wrote("Ingest");
        Assert.True(space.MayStart());
        Assert.True(space.MayStart());
    }

    private static EventDraft Event(int i) => new()
    {
        Kind = EventKind.Escalation,
        Date = new DateOnly(2020, 10, 3),
        Summary = $"Report {i}: artillery fire reached the outskirts of the town overnight, and officials said " + new string('x', 400),
        Topics = ["karabakh"],
        Severity = 4,
    };

    /// <summary>Another table takes every page the cap allows, written through the bot's own (capped) connection.</summary>
    private static async Task FillAsync(SqliteStore store)
    {
        await ExecuteAsync(store, "CREATE TABLE filler (x BLOB)");
        await using var connection = await store.Database.OpenAsync(None);
        for (var i = 0; i < 10_000; i++)
        {
            try
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO filler VALUES (randomblob(1000))";
                await insert.ExecuteNonQueryAsync();
            }
            catch (SqliteException ex) when (SqliteDatabase.IsFull(ex))
            {
                return;
            }
        }

        Assert.Fail("The capped store never filled.");
    }

    private static async Task ExecuteAsync(SqliteStore store, string sql)
    {
        await using var connection = await store.Database.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteStore store, string sql)
    {
        await using var connection = await store.Database.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> IntegrityAsync(SqliteStore store)
    {
        await using var connection = await store.Database.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    /// <summary>Keeps every log line (level and rendered text) of the loggers it hands out.</summary>
    private sealed class ListLogger
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();

        public ILogger<T> For<T>() => new Logger<T>(this);

        private sealed class Logger<T>(ListLogger owner) : ILogger<T>
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
