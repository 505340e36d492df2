using Watchbot.Extraction.Parsing;

namespace Watchbot.Extraction.Tests;

public class FeedParserTests
{
    [Fact]
    public void Rss_items_give_link_title_and_date()
    {
        var xml = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
            <item><title>Strikes on Ganja</title><link>https://news.example/1</link><pubDate>Sat, 17 Oct 2020 08:00:00 GMT</pubDate></item>
            <item><title>No date here</title><link>https://news.example/2</link></item>
            <item><title>No link, skipped</title></item>
            </channel></rss>
            """;
        var result = FeedParser.Parse(xml);
        Assert.True(result.Ok);
        Assert.Equal(2, result.Items.Count);
        Assert.Equal("https://news.example/1", result.Items[0].Link);
        Assert.Equal("Strikes on Ganja", result.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2020, 10, 17, 8, 0, 0, TimeSpan.Zero), result.Items[0].Published);
        Assert.Null(result.Items[1].Published);
    }

    [Fact]
    public void Atom_entries_give_the_alternate_link()
    {
        var xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>
            <entry><title>Truce agreed</title><link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/truce"/><published>2020-10-10T09:00:00Z</published></entry>
            </feed>
            """;
        var item = Assert.Single(FeedParser.Parse(xml).Items);
        Assert.Equal("https://x.example/truce", item.Link);
        Assert.Equal("Truce agreed", item.Title);
    }

    [Theory]
    [InlineData("<html><body>Not a feed</body>", "not XML")]
    [InlineData("just some text", "not XML")]
    [InlineData("", "empty")]
    [InlineData("<root><child/></root>", "not an RSS or Atom feed")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>", "not XML")]
    public void A_feed_that_is_not_a_feed_gives_a_clear_reason(string xml, string reason)
    {
        var result = FeedParser.Parse(xml);
        Assert.False(result.Ok);
        Assert.Contains(reason, result.Error);
    }
}
