using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class ArticleIngestTests : StoreTest
{
    private static ArticleDraft Article(string hash, string? url = null) => new(
        Origin: $"{hash}.txt",
        Url: url,
        Title: "Shelling near Martuni",
        Author: null,
        Published: new DateOnly(2020, 10, 4),
        DateFound: true,
        Body: "Shelling hit Martuni on Saturday, officials said.",
        ContentHash: hash);

    private static EventDraft Sourced(string summary, string file) => Samples.Event(summary) with
    {
        Sources = [new EventSource(file, null, "Shelling near Martuni", new DateOnly(2020, 10, 4), summary + ".")],
    };

    [Fact]
    public async Task An_article_and_its_events_are_stored_together_with_consecutive_seqs()
    {
        var result = await Store.Articles.IngestAsync(
            new ArticleIngest(Article("a"), Start, [Sourced("Martuni shelled", "a.txt"), Sourced("Fuzuli shelled", "a.txt")], []), Ct);

        Assert.Equal(IngestStatus.Stored, result.Status);
        Assert.Equal([1L, 2L], result.Added.Select(e => e.Seq));
        Assert.Equal(1, await Store.Articles.CountAsync(Ct));
        var stored = await Store.Events.GetAsync(result.Added[0].Id, Ct);
        Assert.Equal("a.txt", Assert.Single(stored!.Sources).File);
    }

    [Fact]
    public async Task A_duplicate_article_writes_none_of_its_events()
    {
        await Store.Articles.IngestAsync(new ArticleIngest(Article("a"), Start, [Sourced("Martuni shelled", "a.txt")], []), Ct);

        var again = await Store.Articles.IngestAsync(new ArticleIngest(Article("a") with { Origin = "copy.txt" }, Start, [Sourced("Martuni shelled", "copy.txt")], []), Ct);

        Assert.Equal(IngestStatus.Duplicate, again.Status);
        Assert.Equal("a.txt", again.Article!.Article.Origin);
        Assert.Empty(again.Added);
        Assert.Equal(1, await Store.Events.CountAsync(EventStatus.Published, Ct));
        Assert.Equal(1, await Store.Events.LastSeqAsync(Ct));
    }

    [Fact]
    public async Task A_merge_that_only_adds_a_source_keeps_the_events_seq()
    {
        var first = (await Store.Articles.IngestAsync(new ArticleIngest(Article("a"), Start, [Sourced("Martuni shelled", "a.txt")], []), Ct)).Added[0];
        var merged = first.Sources.Concat(Sourced("Martuni shelled", "b.txt").Sources).ToList();
        var draft = Sourced("Martuni shelled", "a.txt") with { Sources = merged, Confidence = 0.9 };

        var result = await Store.Articles.IngestAsync(
            new ArticleIngest(Article("b"), Start.AddHours(1), [], [new EventMerge(first.Id, first.Seq, draft, Resequence: false)]), Ct);

        Assert.Equal(IngestStatus.Stored, result.Status);
        var stored = await Store.Events.GetAsync(first.Id, Ct);
        Assert.Equal(first.Seq, stored!.Seq);
        Assert.Equal(first.ChangedAt, stored.ChangedAt);
        Assert.Equal(["a.txt", "b.txt"], stored.Sources.Select(s => s.File));
        Assert.Equal(0.9, stored.Confidence);
    }

    [Fact]
    public async Task A_merge_that_changes_what_subscribers_see_gives_the_event_a_new_seq()
    {
        var first = (await Store.Articles.IngestAsync(new ArticleIngest(Article("a"), Start, [Sourced("Martuni shelled", "a.txt")], []), Ct)).Added[0];
        Clock.Advance(TimeSpan.FromHours(1));
        var draft = Sourced("Martuni shelled", "a.txt") with { Places = ["Martuni", "Hadrut"] };

        var result = await Store.Articles.IngestAsync(
            new ArticleIngest(Article("b"), Clock.GetUtcNow(), [Sourced("Ganja struck", "b.txt")], [new EventMerge(first.Id, first.Seq, draft, Resequence: true)]), Ct);

        var stored = await Store.Events.GetAsync(first.Id, Ct);
        Assert.Equal(3, stored!.Seq);
        Assert.Equal(Clock.GetUtcNow(), stored.ChangedAt);
        Assert.Equal(first.CreatedAt, stored.CreatedAt);
        Assert.Equal(2, result.Added[0].Seq);
        Assert.Equal(["Martuni", "Hadrut"], stored.Places);
    }

    [Fact]
    public async Task A_merge_into_an_event_that_changed_since_it_was_read_writes_nothing()
    {
        var first = (await Store.Articles.IngestAsync(new ArticleIngest(Article("a"), Start, [Sourced("Martuni shelled", "a.txt")], []), Ct)).Added[0];
        await Store.Events.ReviseAsync(first.Id, e => e with { Summary = "Martuni shelled overnight" }, Ct);

        var result = await Store.Articles.IngestAsync(
            new ArticleIngest(Article("b"), Start, [Sourced("Ganja struck", "b.txt")], [new EventMerge(first.Id, first.Seq, Sourced("Martuni shelled", "b.txt"), true)]), Ct);

        Assert.Equal(IngestStatus.Conflict, result.Status);
        Assert.Equal(1, await Store.Articles.CountAsync(Ct));
        Assert.Equal(1, await Store.Events.CountAsync(EventStatus.Published, Ct));
        Assert.Equal("Martuni shelled overnight", (await Store.Events.GetAsync(first.Id, Ct))!.Summary);
        Assert.Equal(2, await Store.Events.LastSeqAsync(Ct));
    }

    [Fact]
    public async Task An_article_is_found_by_its_url_alone()
    {
        await Store.Articles.IngestAsync(new ArticleIngest(Article("a", "https://news.example/martuni"), Start, [], []), Ct);

        Assert.NotNull(await Store.Articles.FindAsync(null, "https://news.example/martuni", Ct));
        Assert.Null(await Store.Articles.FindAsync(null, "https://news.example/other", Ct));
        Assert.NotNull(await Store.Articles.FindAsync("a", null, Ct));
    }
}
