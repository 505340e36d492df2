using System.Text;

namespace Watchbot.Host.Tests.Ingest;

/// <summary>Short articles written for these tests (facts of our own choosing, no outlet's sentences).</summary>
internal static class NewsText
{
    public const string Shelling = """
        Shelling damages homes in Stepanakert

        By Test Desk
        October 6, 2020

        Artillery fire hit residential streets of Stepanakert on Monday, local officials said. Two civilians were killed and eleven were wounded, the Artsakh ombudsman said.
        """;

    public const string Soldiers = """
        Armenia reports more military deaths

        October 8, 2020

        Armenia's defence ministry said on Wednesday that 27 more of its soldiers had been killed, bringing the military death toll to 350.
        """;

    public const string SoldiersAgain = """
        Death toll among Armenian troops climbs to 350

        Published 8 October 2020

        The Armenian defence ministry said on Wednesday that 27 more of its soldiers had been killed, bringing the military death toll to 350. Officials in Yerevan called on Baku to observe a truce.
        """;

    public const string Undated = """
        Night in a Stepanakert basement

        Families in Stepanakert spent another night in basements as sirens sounded. Azerbaijani drones struck an electricity substation on the edge of the city, officials said.
        """;

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A news page with menus, a script and a footer around the article; the article's first paragraph is given,
    /// the second is the same for every page.</summary>
    public static string Page(string title, string paragraph) => $$"""
        <!DOCTYPE html>
        <html><head><title>{{title}}</title><meta property="article:published_time" content="2020-10-06T09:00:00Z"><script>var tracking = 1;</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{{title}}</h1><p>{{paragraph}}</p>
        <p>Residents spent the night in basements and shelters while emergency crews worked to restore power and water to the affected districts, and schools in the area stayed closed for another day.</p></article>
        <footer>Copyright</footer></body></html>
        """;

    public static string Rss(params string[] links) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Test wire</title><link>http://127.0.0.1/</link><description>Wire</description>
        {{string.Concat(links.Select(l => $"<item><title>Item</title><link>{l}</link><pubDate>Tue, 06 Oct 2020 10:00:00 GMT</pubDate></item>"))}}
        </channel></rss>
        """;
}
