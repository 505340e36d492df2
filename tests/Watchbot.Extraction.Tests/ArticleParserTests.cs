using System.Text;
using Watchbot.Extraction.Parsing;

namespace Watchbot.Extraction.Tests;

public class ArticleParserTests
{
    private static readonly DateOnly ReadOn = TestSupport.Day("2020-12-01");

    private static Core.Stores.ArticleDraft Parse(string text, string name = "a.txt")
    {
        var outcome = ArticleParser.Parse(text, name, null, ReadOn);
        Assert.True(outcome.Ok, outcome.Error);
        return outcome.Article!;
    }

    [Theory]
    [InlineData("Shells fall on Martuni\n\nJane Doe\n7 October 2020\n\nShells fell on the town overnight, officials said.", "2020-10-07")]
    [InlineData("Shells fall on Martuni\n\nJane Doe\n02.10.2020\n\nShells fell on the town overnight, officials said.", "2020-10-02")]
    [InlineData("Shells fall on Martuni\n\nOctober 19th, 2020\n\nShells fell on the town overnight, officials said.", "2020-10-19")]
    [InlineData("Shells fall on Martuni\n\n2020-10-19\n\nShells fell on the town overnight, officials said.", "2020-10-19")]
    [InlineData("Shells fall on Martuni\n\nBAKU, October 11, 2020. /TASS/. Shells fell on the town overnight, officials said.", "2020-10-11")]
    [InlineData("Shells fall on Martuni\n\nShells fell on the town overnight, officials said.\n\n3 October 2020", "2020-10-03")]
    [InlineData("Shells fall on Martuni\n\nYEREVAN/BAKU, October 11 2020 - Shells fell on the town overnight, officials said.", "2020-10-11")]
    public void The_publication_date_is_found_in_every_usual_place(string text, string expected)
    {
        var a = Parse(text);
        Assert.True(a.DateFound);
        Assert.Equal(TestSupport.Day(expected), a.Published);
        Assert.Equal("Shells fall on Martuni", a.Title);
    }

    [Fact]
    public void A_dateline_without_a_year_is_read_in_the_year_of_reading_but_does_not_date_the_article()
    {
        var a = Parse("Shells fall on Martuni\n\nBAKU, October 11. /TASS/. Shells fell on the town overnight, officials said.");
        Assert.False(a.DateFound);
        Assert.Equal(TestSupport.Day("2020-10-11"), a.Published);
    }

    [Fact]
    public void A_short_line_between_the_title_and_the_date_line_is_the_outlet()
    {
        var a = Parse("Shells fall on Martuni\nThe Caspian Courier (wire copy)\n2020-10-19\n\nShells fell on the town overnight, officials said.");
        Assert.Equal("The Caspian Courier (wire copy)", a.Author);
        Assert.Equal(TestSupport.Day("2020-10-19"), a.Published);
        Assert.DoesNotContain("Caspian", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_a_date_is_kept_with_the_read_date_and_flagged()
    {
        var a = Parse("Night in the shelters\n\nFamilies in the city spent another night underground, residents said.");
        Assert.False(a.DateFound);
        Assert.Equal(ReadOn, a.Published);
    }

    [Fact]
    public void A_markdown_heading_is_the_title_and_emphasis_links_and_escapes_are_removed()
    {
        var a = Parse("A kicker line above\n\n## **Strikes hit *Ganja* again**\n\nBy Sam Lee\n\nThe city got \\$5 million from [donors](https://x.org/a) after _two_ strikes.", "a.md");
        Assert.Equal("Strikes hit Ganja again", a.Title);
        Assert.Equal("Sam Lee", a.Author);
        Assert.Equal("The city got $5 million from donors after two strikes.", a.Body);
    }

    [Fact]
    public void A_republisher_header_is_dropped_and_the_original_date_at_the_end_wins()
    {
        var text = "# سایت خبری\n\n[www.mirror.example](http://www.mirror.example)\n\nEuropean Languages\n\nBy Ann Field\n05.11.2020\n\n## ***Truce talks stall in Moscow***\n\nNegotiators left Moscow without a deal, officials said.\n\n3 November 2020";
        var a = Parse(text, "r.md");
        Assert.Equal("Truce talks stall in Moscow", a.Title);
        Assert.Equal(TestSupport.Day("2020-11-03"), a.Published);
        Assert.DoesNotContain("European Languages", a.Body);
        Assert.DoesNotContain("3 November 2020", a.Body);
    }

    [Fact]
    public void Blank_lines_that_split_a_sentence_are_healed()
    {
        var a = Parse("Road cut\n\n1 October 2020\n\nOfficials said drones struck the convoy on the\n\nroad to Goris. Two drivers were hurt.");
        Assert.Contains("on the road to Goris", a.Body);
    }

    [Fact]
    public void Curly_quotes_and_dashes_are_normalised_in_the_body()
    {
        var a = Parse("Quotes\n\n1 October 2020\n\n“We will answer,” he said — firmly — about the 1988–1994 war.");
        Assert.Contains("\"We will answer,\"", a.Body);
        Assert.Contains("1988-1994", a.Body);
    }

    /// <summary>How the extractor cuts a stored body into paragraphs when it is not handed them.</summary>
    internal static string[] CutBody(string body) => body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void The_paragraphs_handed_on_with_an_article_are_those_of_its_body_and_give_the_same_events()
    {
        var folders = new[] { Path.Combine(TestSupport.RepoRoot, "samples", "articles"), Path.Combine(TestSupport.RepoRoot, "..", "shared", "corpus", "articles") };
        var files = folders.Where(Directory.Exists).SelectMany(Directory.EnumerateFiles).ToList();
        var texts = files.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Append(("md.md", "# A title for the page\n\nBy Jane Roe\n\n* a bullet line\n  \n\t\nText with **stars** and [a link](https://x.example) \\$100 \r\nhere.\n\n---\n\nlast words\n\n"))
            .Append(("one.txt", "A short title line\nOne line of body text in this article, shelled on Monday."))
            .Append(("page.html", "<html><head><title>Shelling in Barda</title></head><body><article><p>Rockets hit Barda on Monday, officials said, and four people were hurt in the city.</p><p>Second paragraph of the page with more words to count for the article length check here.</p></article></body></html>"));
        foreach (var (name, text) in texts)
        {
            var parsed = ArticleParser.Parse(text, name, null, new DateOnly(2020, 12, 31));
            Assert.True(parsed.Ok, name);
            Assert.Equal(CutBody(parsed.Article!.Body), parsed.Paragraphs);
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(TestSupport.Extractor.Extract(parsed.Article, name, TestSupport.Topics)),
                System.Text.Json.JsonSerializer.Serialize(TestSupport.Extractor.Extract(parsed.Article, name, TestSupport.Topics, paragraphs: parsed.Paragraphs)));
        }

        Assert.True(files.Count >= 10);
    }

    [Fact]
    public void The_same_text_under_another_name_has_the_same_hash()
    {
        var one = Parse("Title here again\n\n1 October 2020\n\nBody of the story,  with spaces.", "one.txt");
        var two = Parse("Title here again\n\n1 October 2020\n\nBody of the story, with spaces.\n", "two.txt");
        Assert.Equal(one.ContentHash, two.ContentHash);
        Assert.Equal(64, one.ContentHash.Length);
    }

    [Fact]
    public void An_html_page_keeps_the_article_text_only()
    {
        var html = """
            <html><head><title>Site | Shells hit Askeran</title><meta property="article:published_time" content="2020-10-09T10:00:00Z"><meta name="author" content="Kim Ray">
            <script>var x = "MENU SCRIPT";</script><style>.a{}</style></head>
            <body><nav><a>Home</a><a>World news menu</a></nav>
            <article><h1>Shells hit Askeran</h1><p>Artillery shells hit Askeran on Thursday, damaging the school and two homes near the square.</p>
            <p>Local officials said nobody was hurt in the attack but the school would stay closed for the rest of the month.</p></article>
            <aside><p>Related: ten other stories you may like to read today and tomorrow.</p></aside><footer><p>Copyright notice for the whole site.</p></footer></body></html>
            """;
        var outcome = ArticleParser.Parse(html, "page.html", "https://news.example/askeran", ReadOn);
        Assert.True(outcome.Ok, outcome.Error);
        var a = outcome.Article!;
        Assert.Equal("Shells hit Askeran", a.Title);
        Assert.Equal("Kim Ray", a.Author);
        Assert.Equal(TestSupport.Day("2020-10-09"), a.Published);
        Assert.DoesNotContain("MENU", a.Body);
        Assert.DoesNotContain("Related", a.Body);
        Assert.DoesNotContain("Copyright", a.Body);
        Assert.StartsWith("Artillery shells hit Askeran", a.Body);
    }

    [Theory]
    [InlineData(new byte[] { }, "empty")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }, "binary")]
    [InlineData(new byte[] { 0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0xC3, 0x28, 0xFF, 0xFE, 0x20, 0x61 }, "UTF-8")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x20, 0x0A }, "no text")]
    public void Bad_bytes_are_refused_with_a_reason(byte[] bytes, string reason)
    {
        var outcome = ArticleParser.ParseBytes(bytes, "bad.txt", null, ReadOn);
        Assert.False(outcome.Ok);
        Assert.Contains(reason, outcome.Error);
    }

    [Fact]
    public void A_fifty_megabyte_file_is_refused_with_its_size()
    {
        var bytes = new byte[50 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');
        var outcome = ArticleParser.ParseBytes(bytes, "huge.txt", null, ReadOn);
        Assert.False(outcome.Ok);
        Assert.Contains("50 MB", outcome.Error);
    }

    [Fact]
    public void An_html_page_with_no_article_is_refused_with_a_reason()
    {
        var outcome = ArticleParser.Parse("<html><body><nav><a>Home</a></nav><p>Subscribe!</p></body></html>", "x.html", null, ReadOn);
        Assert.False(outcome.Ok);
        Assert.Contains("no article text", outcome.Error);
    }

    [Fact]
    public void A_large_article_is_parsed_without_trouble()
    {
        var paragraph = "Officials in the town said on Monday that the market would reopen after repairs to its roof were finished.\n\n";
        var text = "A long report\n\n1 October 2020\n\n" + string.Concat(Enumerable.Repeat(paragraph, 20_000));
        var outcome = ArticleParser.ParseBytes(Encoding.UTF8.GetBytes(text), "long.txt", null, ReadOn);
        Assert.True(outcome.Ok, outcome.Error);
        Assert.Empty(TestSupport.Extractor.Extract(outcome.Article!, "long.txt", TestSupport.Topics));
    }

    [Fact]
    public void Header_lines_collapse_their_white_space_as_the_plain_pattern_does()
    {
        var alphabet = "ab \t\n\r\u3000\u00A0\u2009.";
        foreach (var line in TestSupport.RandomTexts(alphabet, 9, 3000, 30))
        {
            Assert.Equal(System.Text.RegularExpressions.Regex.Replace(line, @"\s+", " ").Trim(), TextArticleParser.CollapseSpaces(line));
        }
    }
}
