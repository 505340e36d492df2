using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class EventStoreTests : StoreTest
{
    [Fact]
    public async Task An_event_keeps_every_field_through_the_store()
    {
        var draft = new EventDraft
        {
            Kind = EventKind.Ceasefire,
            Status = EventStatus.Pending,
            Date = new DateOnly(2020, 10, 10),
            DateEnd = new DateOnly(2020, 10, 11),
            DatePrecision = DatePrecision.Range,
            Summary = "Humanitarian ceasefire \"in force\" from noon; violations reported within hours",
            Topics = ["karabakh", "caucasus"],
            Places = ["Stepanakert", "Ganja"],
            Actors = ["Armenia", "Azerbaijan", "Russia"],
            Severity = 5,
            Confidence = 0.625,
            Stance = CeasefireStance.InForce,
            ClaimedBy = "Russian foreign ministry",
            Casualties =
            [
                new CasualtyClaim("Artsakh", Population.Military, CasualtyOutcome.Killed, 104, null, CountQualifier.AtLeast, true, "Artsakh"),
                new CasualtyClaim("Azerbaijan", Population.Civilian, CasualtyOutcome.Displaced, 70000, 75000, CountQualifier.About, false, "unknown"),
            ],
            Sources =
            [
                new EventSource("2020-10-10-tass.txt", "https://example.org/a", "Ceasefire agreed", new DateOnly(2020, 10, 10), "A ceasefire takes effect at noon."),
                new EventSource(null, null, null, null, null),
            ],
        };

        var added = await Store.Events.AddAsync(draft, Ct);
        var read = await Store.Events.GetAsync(added.Id, Ct);

        Assert.NotNull(read);
        AssertSame(added, read);
        Assert.Equal(EventKind.Ceasefire, read.Kind);
        Assert.Equal(EventStatus.Pending, read.Status);
        Assert.Equal(new DateOnly(2020, 10, 10), read.Date);
        Assert.Equal(new DateOnly(2020, 10, 11), read.DateEnd);
        Assert.Equal(DatePrecision.Range, read.DatePrecision);
        Assert.Equal(draft.Summary, read.Summary);
        Assert.Equal(["karabakh", "caucasus"], read.Topics);
        Assert.Equal(["Stepanakert", "Ganja"], read.Places);
        Assert.Equal(["Armenia", "Azerbaijan", "Russia"], read.Actors);
        Assert.Equal(5, read.Severity);
        Assert.Equal(0.625, read.Confidence);
        Assert.Equal(CeasefireStance.InForce, read.Stance);
        Assert.Equal("Russian foreign ministry", read.ClaimedBy);
        Assert.Equal(draft.Casualties, read.Casualties);
        Assert.Equal(draft.Sources, read.Sources);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Equal(Start, read.ChangedAt);
    }

    [Fact]
    public async Task Enums_are_stored_under_their_wire_names()
    {
        await Store.Events.AddAsync(Samples.Event() with { Kind = EventKind.Ceasefire, Stance = CeasefireStance.InForce }, Ct);

        var row = (await MigrationTests.QueryAsync(Store.Database, "SELECT kind, status, date_precision, stance, date FROM events"))[0];

        Assert.Equal("ceasefire|published|day|in_force|2020-10-03", string.Join('|', row));
    }

    [Fact]
    public async Task An_event_without_optional_fields_reads_back_empty_not_null()
    {
        var added = await Store.Events.AddAsync(new EventDraft { Kind = EventKind.Displacement, Date = new DateOnly(2020, 10, 1), Summary = "x" }, Ct);

        var read = await Store.Events.GetAsync(added.Id, Ct);

        Assert.NotNull(read);
        Assert.Null(read.DateEnd);
        Assert.Null(read.Stance);
        Assert.Null(read.ClaimedBy);
        Assert.Empty(read.Topics);
        Assert.Empty(read.Casualties);
        Assert.Empty(read.Sources);
    }

    [Fact]
    public async Task Every_add_gives_a_greater_seq_starting_at_one()
    {
        Assert.Equal(0, await Store.Events.LastSeqAsync(Ct));

        var first = await Store.Events.AddAsync(Samples.Event("one"), Ct);
        var second = await Store.Events.AddAsync(Samples.Event("two"), Ct);

        Assert.Equal(1, first.Seq);
        Assert.Equal(2, second.Seq);
        Assert.Equal(2, await Store.Events.LastSeqAsync(Ct));
    }

    [Fact]
    public async Task Every_revision_gives_the_event_a_greater_seq()
    {
        var added = await Store.Events.AddAsync(Samples.Event("first report"), Ct);
        var other = await Store.Events.AddAsync(Samples.Event("another"), Ct);
        Clock.Advance(TimeSpan.FromHours(2));

        var revised = await Store.Events.ReviseAsync(added.Id, e => e with { Summary = "corrected report", Severity = 2 }, Ct);
        var again = await Store.Events.ReviseAsync(added.Id, e => e with { Status = EventStatus.Rejected }, Ct);

        Assert.NotNull(revised);
        Assert.NotNull(again);
        Assert.Equal(other.Seq + 1, revised.Seq);
        Assert.Equal(revised.Seq + 1, again.Seq);
        var read = await Store.Events.GetAsync(added.Id, Ct);
        Assert.NotNull(read);
        Assert.Equal(again.Seq, read.Seq);
        Assert.Equal("corrected report", read.Summary);
        Assert.Equal(2, read.Severity);
        Assert.Equal(EventStatus.Rejected, read.Status);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Equal(Start.AddHours(2), read.ChangedAt);
    }

    [Fact]
    public async Task A_revision_cannot_change_the_id_seq_or_times()
    {
        var added = await Store.Events.AddAsync(Samples.Event(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var revised = await Store.Events.ReviseAsync(
            added.Id, e => e with { Id = 999, Seq = 1, CreatedAt = DateTimeOffset.MinValue, ChangedAt = DateTimeOffset.MinValue }, Ct);

        Assert.NotNull(revised);
        Assert.Equal(added.Id, revised.Id);
        Assert.Equal(2, revised.Seq);
        Assert.Equal(Start, revised.CreatedAt);
        Assert.Equal(Start.AddMinutes(5), revised.ChangedAt);
        AssertSame(revised, await Store.Events.GetAsync(added.Id, Ct));
        Assert.Null(await Store.Events.GetAsync(999, Ct));
    }

    [Fact]
    public async Task A_revision_replaces_the_sources()
    {
        var added = await Store.Events.AddAsync(Samples.Event() with { Sources = [new EventSource("a.txt", null, "A", null, "one")] }, Ct);

        await Store.Events.ReviseAsync(added.Id, e => e with
        {
            Sources = [.. e.Sources, new EventSource("b.txt", "https://example.org/b", "B", new DateOnly(2020, 10, 5), "two")],
        }, Ct);

        var read = await Store.Events.GetAsync(added.Id, Ct);
        Assert.NotNull(read);
        Assert.Equal(["a.txt", "b.txt"], read.Sources.Select(s => s.File));
        var rows = await MigrationTests.QueryAsync(Store.Database, "SELECT COUNT(*) FROM event_sources");
        Assert.Equal("2", rows[0][0]);
    }

    [Fact]
    public async Task Revising_a_missing_event_returns_null_and_takes_no_seq()
    {
        await Store.Events.AddAsync(Samples.Event(), Ct);

        var revised = await Store.Events.ReviseAsync(12345, e => e with { Summary = "never" }, Ct);

        Assert.Null(revised);
        Assert.Equal(1, await Store.Events.LastSeqAsync(Ct));
    }

    [Fact]
    public async Task A_change_that_throws_leaves_the_event_and_the_seq_as_they_were()
    {
        var added = await Store.Events.AddAsync(Samples.Event("unchanged"), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.Events.ReviseAsync(added.Id, _ => throw new InvalidOperationException("curator changed their mind"), Ct));

        AssertSame(added, await Store.Events.GetAsync(added.Id, Ct));
        Assert.Equal(added.Seq, await Store.Events.LastSeqAsync(Ct));
    }

    [Fact]
    public async Task A_deleted_event_never_gives_its_seq_to_another()
    {
        await Store.Events.AddAsync(Samples.Event("one"), Ct);
        var last = await Store.Events.AddAsync(Samples.Event("two"), Ct);
        await MigrationTests.ExecuteAsync(Store.Database, $"DELETE FROM events WHERE id = {last.Id}");

        var next = await Store.Events.AddAsync(Samples.Event("three"), Ct);

        Assert.Equal(last.Seq + 1, next.Seq);
        Assert.NotEqual(last.Id, next.Id);
    }

    [Fact]
    public async Task Seqs_strictly_increase_when_two_writers_add_and_revise_at_once()
    {
        var seed = await Store.Events.AddAsync(Samples.Event("seed"), Ct);
        var otherStore = new SqliteStore(Store.Path, Clock);

        async Task<List<long>> WriteAsync(SqliteStore store, string name)
        {
            var seqs = new List<long>();
            for (var i = 0; i < 40; i++)
            {
                var e = i % 2 == 0
                    ? await store.Events.AddAsync(Samples.Event($"{name} {i}"), Ct)
                    : await store.Events.ReviseAsync(seed.Id, e => e with { Summary = $"{name} {i}" }, Ct);
                seqs.Add(e!.Seq);
            }

            return seqs;
        }

        var results = await Task.WhenAll(Task.Run(() => WriteAsync(Store, "a")), Task.Run(() => WriteAsync(otherStore, "b")));

        foreach (var seqs in results)
        {
            Assert.Equal(seqs.Order(), seqs);
            Assert.Equal(seqs.Count, seqs.Distinct().Count());
        }

        var all = results.SelectMany(s => s).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(2, 80).Select(i => (long)i), all.Order());
        Assert.Equal(81, await Store.Events.LastSeqAsync(Ct));
        var stored = await Store.Events.ListAsync(new EventQuery { Limit = 1000 }, Ct);
        Assert.Equal(41, stored.Count);
        Assert.Equal(stored.Count, stored.Select(e => e.Seq).Distinct().Count());
    }

    [Fact]
    public async Task A_batch_of_a_thousand_events_is_added_in_one_transaction_with_consecutive_seqs()
    {
        await Store.Events.AddAsync(Samples.Event("before"), Ct);
        var drafts = Enumerable.Range(0, 1000)
            .Select(i => Samples.Event($"event {i}") with { Sources = [new EventSource($"{i}.txt", null, null, null, $"sentence {i}")] })
            .ToList();

        var added = await Store.Events.AddManyAsync(drafts, Ct);

        Assert.Equal(Enumerable.Range(2, 1000).Select(i => (long)i), added.Select(e => e.Seq));
        Assert.Equal(1001, await Store.Events.CountAsync(EventStatus.Published, Ct));
        var read = await Store.Events.GetAsync(added[500].Id, Ct);
        Assert.Equal("event 500", read!.Summary);
        Assert.Equal("sentence 500", Assert.Single(read.Sources).Sentence);
    }

    [Fact]
    public async Task Counts_are_per_status()
    {
        await Store.Events.AddAsync(Samples.Event(), Ct);
        await Store.Events.AddAsync(Samples.Event() with { Status = EventStatus.Pending }, Ct);
        await Store.Events.AddAsync(Samples.Event() with { Status = EventStatus.Pending }, Ct);

        Assert.Equal(1, await Store.Events.CountAsync(EventStatus.Published, Ct));
        Assert.Equal(2, await Store.Events.CountAsync(EventStatus.Pending, Ct));
        Assert.Equal(0, await Store.Events.CountAsync(EventStatus.Rejected, Ct));
    }

    [Fact]
    public async Task The_last_seq_before_a_time_looks_at_when_events_last_changed()
    {
        Assert.Equal(0, await Store.Events.LastSeqBeforeAsync(Start.AddDays(1), Ct));
        var early = await Store.Events.AddAsync(Samples.Event("early"), Ct);
        Clock.Advance(TimeSpan.FromHours(1));
        var late = await Store.Events.AddAsync(Samples.Event("late"), Ct);
        Clock.Advance(TimeSpan.FromHours(1));
        await Store.Events.ReviseAsync(early.Id, e => e with { Summary = "early, revised" }, Ct);

        Assert.Equal(0, await Store.Events.LastSeqBeforeAsync(Start, Ct));
        Assert.Equal(0, await Store.Events.LastSeqBeforeAsync(Start.AddMinutes(30), Ct));
        Assert.Equal(late.Seq, await Store.Events.LastSeqBeforeAsync(Start.AddMinutes(90), Ct));
        Assert.Equal(3, await Store.Events.LastSeqBeforeAsync(Start.AddHours(3), Ct));
        Assert.Equal(late.Seq, await Store.Events.LastSeqBeforeAsync(new DateTimeOffset(2020, 10, 4, 12, 15, 0, TimeSpan.FromHours(1.5)), Ct));
    }

    [Fact]
    public async Task A_cancelled_token_adds_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.Events.AddAsync(Samples.Event(), cancelled.Token));

        Assert.Equal(0, await Store.Events.LastSeqAsync(Ct));
    }

    internal static void AssertSame(WatchEvent expected, WatchEvent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Topics = [], Places = [], Actors = [], Casualties = [], Sources = [] },
            actual with { Topics = [], Places = [], Actors = [], Casualties = [], Sources = [] });
        Assert.Equal(expected.Topics, actual.Topics);
        Assert.Equal(expected.Places, actual.Places);
        Assert.Equal(expected.Actors, actual.Actors);
        Assert.Equal(expected.Casualties, actual.Casualties);
        Assert.Equal(expected.Sources, actual.Sources);
    }
}
