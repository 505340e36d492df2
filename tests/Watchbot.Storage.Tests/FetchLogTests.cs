using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class FetchLogTests : StoreTest
{
    private static readonly HashSet<string> Regions = new(StringComparer.OrdinalIgnoreCase);

    private static PreparedArticle Page(string url, string hash) => new(
        new ArticleDraft(url, url, "Martuni shelled", null, new DateOnly(2020, 10, 4), true, "Martuni was shelled.", hash), Start, []);

    private static ArticleIngest StoreAsIs(PreparedArticle article, IReadOnlyList<Watchbot.Core.Events.WatchEvent> candidates) =>
        new(article.Article, article.ReadAt, article.Extracted, []);

    [Fact]
    public async Task A_url_never_fetched_has_no_record_and_one_whose_article_is_stored_reads_as_stored()
    {
        await Store.Articles.IngestBatchAsync([Page("https://news.example/a", "h1")], StoreAsIs, Regions, Ct);

        Assert.Null(await Store.FetchLog.FindAsync("https://news.example/never", Ct));
        Assert.Equal(FetchVerdict.Stored, (await Store.FetchLog.FindAsync("https://news.example/a", Ct))!.Verdict);
    }

    [Fact]
    public async Task A_record_is_kept_in_place_of_the_last_one_for_its_url()
    {
        var first = FetchPolicy.Failed(null, "https://news.example/busy", "the server answered 503", permanent: false, Start);
        await Store.FetchLog.RecordAsync(first, Ct);
        var second = FetchPolicy.Failed(first, "https://news.example/busy", "the server answered 502", permanent: false, Start.AddMinutes(20));
        await Store.FetchLog.RecordAsync(second, Ct);

        Assert.Equal(second, await Store.FetchLog.FindAsync("https://news.example/busy", Ct));
        Assert.Equal(2, second.Attempts);
    }

    [Fact]
    public async Task A_page_whose_text_is_stored_under_another_url_is_logged_as_a_duplicate_with_its_batch()
    {
        var results = await Store.Articles.IngestBatchAsync(
            [Page("https://news.example/a", "same"), Page("https://mirror.example/a", "same")], StoreAsIs, Regions, Ct,
            [FetchPolicy.Failed(null, "https://news.example/gone", "the server answered 404", permanent: true, Start)]);

        Assert.Equal([IngestStatus.Stored, IngestStatus.Duplicate], results.Select(r => r.Status));
        Assert.Equal(FetchVerdict.Duplicate, (await Store.FetchLog.FindAsync("https://mirror.example/a", Ct))!.Verdict);
        Assert.Equal(FetchVerdict.Gone, (await Store.FetchLog.FindAsync("https://news.example/gone", Ct))!.Verdict);
    }

    [Fact]
    public async Task A_batch_that_fails_keeps_none_of_its_fetched_urls()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Articles.IngestBatchAsync(
            [Page("https://news.example/a", "h1")], (_, _) => throw new InvalidOperationException("planner failed"), Regions, Ct,
            [FetchPolicy.Duplicate("https://mirror.example/a", Start)]));

        Assert.Null(await Store.FetchLog.FindAsync("https://mirror.example/a", Ct));
    }
}
