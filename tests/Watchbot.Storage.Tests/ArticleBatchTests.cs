using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class ArticleBatchTests : StoreTest
{
    private static readonly HashSet<string> Regions = new(["Nagorno-Karabakh"], StringComparer.OrdinalIgnoreCase);

    private static PreparedArticle Prepared(string name, params EventDraft[] items) => new(
        new ArticleDraft(name, null, $"Report {name}", null, new DateOnly(2020, 10, 4), true, $"Body of {name}.", $"hash-{name}"),
        Start,
        items.Select(i => i with { Sources = [new EventSource(name, null, $"Report {name}", new DateOnly(2020, 10, 4), i.Summary + ".")] }).ToList());

    private static EventDraft Shelling(string place, int day = 3) => Samples.Event($"{place} shelled") with
    {
        Date = new DateOnly(2020, 10, day),
        Places = [place],
    };

    /// <summary>Stores everything new; merges into the first candidate (newest seq first) that names the same place.</summary>
    private static ArticleIngest MergeBySamePlace(PreparedArticle article, IReadOnlyList<WatchEvent> candidates)
    {
        var fresh = new List<EventDraft>();
        var merges = new List<EventMerge>();
        foreach (var item in article.Extracted)
        {
            if (candidates.FirstOrDefault(c => c.Places.Intersect(item.Places).Any()) is { } target)
            {
                var draft = new EventDraft
                {
                    Kind = target.Kind, Date = target.Date, Summary = target.Summary, Places = target.Places, Topics = target.Topics,
                    Severity = target.Severity, Confidence = target.Confidence, Status = target.Status,
                    Sources = [.. target.Sources, .. item.Sources!],
                };
                merges.Add(new EventMerge(target.Id, target.Seq, draft, Resequence: false));
            }
            else
            {
                fresh.Add(item);
            }
        }

        return new ArticleIngest(article.Article, article.ReadAt, fresh, merges);
    }

    [Fact]
    public async Task A_batch_stores_each_article_with_its_events_and_reports_them_in_order()
    {
        var results = await Store.Articles.IngestBatchAsync(
            [Prepared("a.txt", Shelling("Martuni")), Prepared("b.txt", Shelling("Hadrut"))], MergeBySamePlace, Regions, Ct);

        Assert.Equal([IngestStatus.Stored, IngestStatus.Stored], results.Select(r => r.Status));
        Assert.Equal(["a.txt", "b.txt"], results.Select(r => r.Article!.Article.Origin));
        Assert.Equal([1L, 2L], results.SelectMany(r => r.Added).Select(e => e.Seq));
        Assert.Equal(2, await Store.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task A_batch_whose_planning_fails_part_way_stores_none_of_its_articles()
    {
        var planned = 0;
        var failing = new IngestPlanning((article, candidates) =>
            ++planned == 3 ? throw new InvalidOperationException("the third article cannot be planned") : MergeBySamePlace(article, candidates));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Articles.IngestBatchAsync(
            [Prepared("a.txt", Shelling("Martuni")), Prepared("b.txt", Shelling("Hadrut")), Prepared("c.txt", Shelling("Fuzuli"))], failing, Regions, Ct));

        Assert.Equal(0, await Store.Articles.CountAsync(Ct));
        Assert.Equal(0, await Store.Events.LastSeqAsync(Ct));
    }

    [Fact]
    public async Task The_same_text_twice_in_one_batch_is_stored_once()
    {
        var copy = Prepared("a.txt", Shelling("Martuni"));
        var results = await Store.Articles.IngestBatchAsync([copy, copy with { Article = copy.Article with { Origin = "copy.txt" } }], MergeBySamePlace, Regions, Ct);

        Assert.Equal([IngestStatus.Stored, IngestStatus.Duplicate], results.Select(r => r.Status));
        Assert.Equal(1, await Store.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task An_article_later_in_a_batch_merges_into_an_event_stored_earlier_in_it()
    {
        var results = await Store.Articles.IngestBatchAsync(
            [Prepared("a.txt", Shelling("Martuni")), Prepared("b.txt", Shelling("Martuni"))], MergeBySamePlace, Regions, Ct);

        var merged = Assert.Single(results[1].Merged);
        Assert.Equal(results[0].Added[0].Id, merged.Id);
        var stored = await Store.Events.GetAsync(merged.Id, Ct);
        Assert.Equal(["a.txt", "b.txt"], stored!.Sources.Select(s => s.File));
    }

    /// <summary>Merges every item into the first candidate as it is stored, adding only the item's sources, and
    /// <paramref name="severity"/> to its severity.</summary>
    private static IngestPlanning Corroborate(int severity = 0) => (article, candidates) =>
    {
        var target = candidates[0];
        var draft = new EventDraft
        {
            Kind = target.Kind, Date = target.Date, DateEnd = target.DateEnd, DatePrecision = target.DatePrecision, Summary = target.Summary,
            Topics = target.Topics, Places = target.Places, Actors = target.Actors, Severity = target.Severity + severity,
            Confidence = target.Confidence, Stance = target.Stance, ClaimedBy = target.ClaimedBy, Casualties = target.Casualties,
            Status = target.Status, Sources = [.. target.Sources, .. article.Extracted.SelectMany(i => i.Sources!)],
        };
        return new ArticleIngest(article.Article, article.ReadAt, [], [new EventMerge(target.Id, target.Seq, draft, Resequence: false)]);
    };

    [Fact]
    public async Task A_merge_that_only_adds_sources_leaves_the_events_row_unwritten_and_one_that_changes_it_rewrites_it()
    {
        await using (var connection = await Store.Database.OpenAsync(Ct))
        {
            using var trigger = connection.CreateCommand();
            trigger.CommandText =
                """
                CREATE TABLE event_updates (event_id INTEGER NOT NULL);
                CREATE TRIGGER event_updated AFTER UPDATE ON events BEGIN INSERT INTO event_updates VALUES (new.id); END;
                """;
            await trigger.ExecuteNonQueryAsync(Ct);
        }

        var first = (await Store.Articles.IngestBatchAsync([Prepared("a.txt", Shelling("Martuni"))], MergeBySamePlace, Regions, Ct))[0].Added[0];
        var corroborated = Assert.Single((await Store.Articles.IngestBatchAsync([Prepared("b.txt", Shelling("Martuni"))], Corroborate(), Regions, Ct))[0].Merged);
        Assert.Equal(0, await UpdatesAsync());
        var stored = await Store.Events.GetAsync(first.Id, Ct);
        Assert.Equal(["a.txt", "b.txt"], stored!.Sources.Select(s => s.File));
        Assert.Equal((first.Seq, first.ChangedAt, first.Severity), (stored.Seq, stored.ChangedAt, stored.Severity));
        Assert.Equal(first.Id, corroborated.Id);

        await Store.Articles.IngestBatchAsync([Prepared("c.txt", Shelling("Martuni"))], Corroborate(severity: 1), Regions, Ct);
        Assert.Equal(1, await UpdatesAsync());
        stored = await Store.Events.GetAsync(first.Id, Ct);
        Assert.Equal(first.Severity + 1, stored!.Severity);
        Assert.Equal(["a.txt", "b.txt", "c.txt"], stored.Sources.Select(s => s.File));

        async Task<long> UpdatesAsync()
        {
            await using var connection = await Store.Database.OpenAsync(Ct);
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM event_updates";
            return (long)(await count.ExecuteScalarAsync(Ct))!;
        }
    }

    [Fact]
    public async Task Candidates_are_the_same_kind_within_a_day_newest_first_with_only_the_articles_own_sources()
    {
        await Store.Articles.IngestBatchAsync([Prepared("a.txt", Shelling("Martuni"))], MergeBySamePlace, Regions, Ct);
        await Store.Articles.IngestBatchAsync([Prepared("b.txt", Shelling("Martuni"))], MergeBySamePlace, Regions, Ct);
        await Store.Articles.IngestBatchAsync([Prepared("c.txt", Shelling("Martuni", day: 4) with { Summary = "Martuni shelled again" })], (a, _) => new ArticleIngest(a.Article, a.ReadAt, a.Extracted, []), Regions, Ct);
        await Store.Articles.IngestBatchAsync([Prepared("d.txt", Shelling("Martuni", day: 6), Shelling("Martuni") with { Kind = EventKind.Ceasefire })], (a, _) => new ArticleIngest(a.Article, a.ReadAt, a.Extracted, []), Regions, Ct);

        IReadOnlyList<WatchEvent> seen = [];
        // b.txt again under another text: its own earlier source of the event comes along, a.txt's does not.
        var again = Prepared("b.txt", Shelling("Martuni")) with { Article = Prepared("b2", Shelling("Martuni")).Article with { Origin = "b.txt" } };
        await Store.Articles.IngestBatchAsync([again], (a, candidates) =>
        {
            seen = candidates;
            return new ArticleIngest(a.Article, a.ReadAt, [], []);
        }, Regions, Ct);

        Assert.Equal(["Martuni shelled again", "Martuni shelled"], seen.Select(e => e.Summary));
        Assert.True(seen[0].Seq > seen[1].Seq);
        Assert.Empty(seen[0].Sources);
        Assert.Equal(["b.txt"], seen[1].Sources.Select(s => s.File));
        var whole = await Store.Events.GetAsync(seen[1].Id, Ct);
        Assert.Equal(["a.txt", "b.txt"], whole!.Sources.Select(s => s.File));
    }

    [Fact]
    public async Task An_escalation_that_names_only_a_region_and_no_actor_is_given_no_candidates()
    {
        await Store.Articles.IngestBatchAsync([Prepared("a.txt", Shelling("Nagorno-Karabakh"))], MergeBySamePlace, Regions, Ct);

        IReadOnlyList<WatchEvent>? seen = null;
        await Store.Articles.IngestBatchAsync([Prepared("b.txt", Shelling("nagorno-karabakh"))], (a, candidates) =>
        {
            seen = candidates;
            return new ArticleIngest(a.Article, a.ReadAt, a.Extracted, []);
        }, Regions, Ct);

        Assert.NotNull(seen);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Place_names_are_matched_ignoring_case_beyond_ascii()
    {
        await Store.Articles.IngestBatchAsync([Prepared("a.txt", Shelling("Şuşa"))], MergeBySamePlace, Regions, Ct);

        IReadOnlyList<WatchEvent> seen = [];
        await Store.Articles.IngestBatchAsync([Prepared("b.txt", Shelling("şUŞA"))], (a, candidates) =>
        {
            seen = candidates;
            return new ArticleIngest(a.Article, a.ReadAt, [], []);
        }, Regions, Ct);

        Assert.Equal("Şuşa shelled", Assert.Single(seen).Summary);
    }
}
