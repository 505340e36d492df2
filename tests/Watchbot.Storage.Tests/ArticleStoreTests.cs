using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class ArticleStoreTests : StoreTest
{
    private static ArticleDraft Article(string hash, string? url = "https://news.example/1") => new(
        Origin: "feeds/news.xml",
        Url: url,
        Title: "Fighting continues near Fuzuli",
        Author: "Staff reporter",
        Published: new DateOnly(2020, 10, 2),
        DateFound: true,
        Body: "Heavy fighting continued on Friday near Fuzuli, officials said.",
        ContentHash: hash);

    [Fact]
    public async Task An_article_is_stored_once_by_content_hash()
    {
        var (first, added) = await Store.Articles.AddAsync(Article("sha-1"), Start, Ct);
        var (again, addedAgain) = await Store.Articles.AddAsync(Article("sha-1", url: "https://mirror.example/1"), Start.AddHours(1), Ct);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(Start, again.ReadAt);
        Assert.Equal("https://news.example/1", again.Article.Url);
        Assert.Equal(1, await Store.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task An_article_at_a_known_url_is_not_stored_again()
    {
        var (first, _) = await Store.Articles.AddAsync(Article("sha-1"), Start, Ct);

        var (again, added) = await Store.Articles.AddAsync(Article("sha-2-edited"), Start, Ct);

        Assert.False(added);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await Store.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task Articles_without_a_url_are_told_apart_by_hash_alone()
    {
        await Store.Articles.AddAsync(Article("sha-1", url: null), Start, Ct);
        var (_, added) = await Store.Articles.AddAsync(Article("sha-2", url: null), Start, Ct);

        Assert.True(added);
        Assert.Equal(2, await Store.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task An_article_keeps_every_field()
    {
        var draft = Article("sha-1") with { Author = null, DateFound = false };
        await Store.Articles.AddAsync(draft, Start, Ct);

        var found = await Store.Articles.FindByHashAsync("sha-1", Ct);

        Assert.NotNull(found);
        Assert.Equal(draft, found.Article);
        Assert.Equal(Start, found.ReadAt);
        Assert.Null(await Store.Articles.FindByHashAsync("sha-unknown", Ct));
    }
}
