using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Fakes.News;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Tests.Ingest;

public sealed class IngestServiceTests : IDisposable
{
    private readonly IngestFixture fixture = new();

    private static CancellationToken Ct => CancellationToken.None;

    private IEventStore Events => fixture.Store.Store.Events;

    private Task<IReadOnlyList<WatchEvent>> AllEventsAsync() => Events.ListAsync(new EventQuery { Status = null, Limit = 10_000 }, Ct);

    [Fact]
    public async Task The_sample_articles_are_stored_with_their_events_and_a_second_run_adds_nothing()
    {
        await fixture.SeedShippedTopicsAsync();
        var samples = new SourceSpec(SourceKind.Folder, Path.Combine(AppContext.BaseDirectory, "samples", "articles"));

        var first = await fixture.RunAsync(samples);
        var seq = await Events.LastSeqAsync(Ct);
        var second = await fixture.RunAsync(samples);

        Assert.Equal(IngestCliTests.SampleCount, first.Stored);
        Assert.Equal(0, first.Skipped);
        Assert.True(first.EventsAdded >= 30, $"{first.EventsAdded} events");
        Assert.Equal(IngestCliTests.SampleCount, second.Duplicates);
        Assert.Equal(0, second.EventsAdded + second.EventsMerged);
        Assert.Equal(seq, await Events.LastSeqAsync(Ct));
        Assert.All(await AllEventsAsync(), e => Assert.NotEmpty(e.Topics));
        Assert.Equal(IngestCliTests.SampleCount, (await fixture.Store.Store.Cursors.GetAsync(CursorNames.Ingest, Ct)).Value);
    }

    [Fact]
    public async Task Articles_extracted_on_several_threads_are_stored_and_reported_exactly_as_one_at_a_time()
    {
        // The samples three times over, each copy with a note of its own, and exact copies between them: stories that merge
        // across articles and duplicates meet while other articles are still being extracted.
        var files = new List<(string File, byte[] Bytes)>();
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "articles")).Order(StringComparer.Ordinal).ToList();
        for (var round = 0; round < 3; round++)
        {
            foreach (var path in samples)
            {
                var name = $"{round}-{Path.GetFileName(path)}";
                files.Add((name, NewsText.Bytes(WithNote(File.ReadAllText(path), path.EndsWith(".html", StringComparison.Ordinal), round))));
                if (files.Count % 5 == 0)
                {
                    files.Add(($"{round}-copy-{Path.GetFileName(path)}", files[^3].Bytes));
                }
            }
        }

        using var parallel = new IngestFixture();
        await fixture.SeedShippedTopicsAsync();
        await parallel.SeedShippedTopicsAsync();
        fixture.Options.ExtractWorkers = 1;
        parallel.Options.ExtractWorkers = 4;
        parallel.Options.BatchArticles = 7;

        var one = await fixture.RunAsync(new SourceSpec(SourceKind.Folder, fixture.Folder("news", [.. files])));
        var many = await parallel.RunAsync(new SourceSpec(SourceKind.Folder, parallel.Folder("news", [.. files])));

        Assert.True(one.Duplicates >= 8 && one.EventsMerged > 0, $"{one.Duplicates} duplicates, {one.EventsMerged} merged");
        Assert.Equal(one.Articles.Select(Watchbot.Host.Cli.IngestVerb.Describe), many.Articles.Select(Watchbot.Host.Cli.IngestVerb.Describe));
        Assert.Equal(await ExportAsync(fixture), await ExportAsync(parallel));
    }

    [Fact]
    public async Task Each_article_is_handed_on_in_the_run_order_once_stored_and_the_run_keeps_only_its_counts()
    {
        await fixture.SeedShippedTopicsAsync();
        fixture.Options.BatchArticles = 3;
        var samples = new SourceSpec(SourceKind.Folder, Path.Combine(AppContext.BaseDirectory, "samples", "articles"));
        var handed = new List<ArticleReport>();

        var run = await fixture.Service.RunAsync([samples], Ct, each: handed.Add);

        Assert.Equal(handed.Select(h => h.Origin), run.Articles.Select(a => a.Origin));
        Assert.Equal(run.Articles.Select(a => a.Origin).Order(StringComparer.Ordinal), run.Articles.Select(a => a.Origin));
        Assert.Equal(handed.Sum(h => h.AddedEvents.Count), run.EventsAdded);
        Assert.Equal(handed.Sum(h => h.MergedEvents.Count), run.EventsMerged);
        Assert.True(run.EventsAdded >= 30, $"{run.EventsAdded} events");
        Assert.All(run.Articles, a => Assert.Empty(a.AddedEvents));
    }

    private static string WithNote(string text, bool html, int round)
    {
        var note = $"Desk note {(char)('a' + round)}: this copy was filed again.";
        var mark = html ? "</p>" : "\n\n";
        var at = text.IndexOf(mark, text.Length / 2, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + (html ? $"</p>\n<p>{note}" : $"\n\n{note}") + text[at..];
    }

    private static async Task<string> ExportAsync(IngestFixture of)
    {
        using var writer = new StringWriter();
        await Watchbot.Host.EventJsonl.EventExport.WriteJsonlAsync(of.Store.Store.Events, writer, Ct);
        return writer.ToString();
    }

    [Fact]
    public async Task The_same_text_under_another_file_name_adds_nothing()
    {
        var folder = fixture.Folder("news", ("a.txt", NewsText.Bytes(NewsText.Shelling)), ("b-copy.md", NewsText.Bytes(NewsText.Shelling)));

        var report = await fixture.RunAsync(new SourceSpec(SourceKind.Folder, folder));

        Assert.Equal([ArticleOutcome.Stored, ArticleOutcome.Duplicate], report.Articles.Select(a => a.Outcome));
        Assert.All(await AllEventsAsync(), e => Assert.All(e.Sources, s => Assert.Equal("a.txt", s.File)));
    }

    [Fact]
    public async Task Bad_files_are_skipped_with_their_reason_and_the_good_ones_beside_them_are_stored()
    {
        var huge = new byte[50 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        var folder = fixture.Folder("mixed",
            ("a-good.txt", NewsText.Bytes(NewsText.Shelling)),
            ("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
            ("empty.txt", []),
            ("huge.txt", huge),
            ("latin1.txt", [.. NewsText.Bytes("Shelling in Stepanakert "), 0xE9, 0x20, 0xFF, 0xFE, 0x41]),
            ("menu-only.html", NewsText.Bytes("<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>")),
            ("photo.jpg", [0xFF, 0xD8, 0xFF]),
            ("z-good.txt", NewsText.Bytes(NewsText.Soldiers)));

        var report = await fixture.RunAsync(new SourceSpec(SourceKind.Folder, folder));

        var reasons = report.Articles.ToDictionary(a => a.Origin, a => a.Reason ?? a.Outcome.ToString());
        Assert.Equal("Stored", reasons["a-good.txt"]);
        Assert.Equal("Stored", reasons["z-good.txt"]);
        Assert.Contains("binary", reasons["binary.txt"]);
        Assert.Contains("empty", reasons["empty.txt"]);
        Assert.Contains("50 MB", reasons["huge.txt"]);
        Assert.Contains("UTF-8", reasons["latin1.txt"]);
        Assert.Contains("menu-only.html", reasons.Keys);
        Assert.NotEqual("Stored", reasons["menu-only.html"]);
        Assert.DoesNotContain("photo.jpg", reasons.Keys);
        Assert.Equal(2, await fixture.Store.Store.Articles.CountAsync(Ct));
        Assert.Contains(await AllEventsAsync(), e => e.Casualties.Any(c => c.Count == 2));
    }

    [Fact]
    public async Task A_missing_folder_is_reported_not_thrown()
    {
        var report = await fixture.RunAsync(new SourceSpec(SourceKind.Folder, fixture.Files.File("nowhere")));

        Assert.Equal("the folder does not exist", Assert.Single(report.Articles).Reason);
    }

    [Fact]
    public async Task An_article_without_a_date_is_kept_with_the_day_it_was_read_and_its_events_wait_for_review()
    {
        var folder = fixture.Folder("undated", ("night.txt", NewsText.Bytes(NewsText.Undated)));

        var report = await fixture.RunAsync(new SourceSpec(SourceKind.Folder, folder));

        var article = Assert.Single(report.Articles);
        Assert.Equal(ArticleOutcome.Stored, article.Outcome);
        Assert.False(article.Article!.DateFound);
        Assert.Equal(DateOnly.FromDateTime(fixture.Store.Clock.GetUtcNow().UtcDateTime), article.Article.Published);
        Assert.NotEmpty(article.AddedEvents);
        Assert.All(article.AddedEvents, e => Assert.Equal(EventStatus.Pending, e.Status));
    }

    [Fact]
    public async Task Two_articles_reporting_the_same_figure_make_one_event_with_two_sources()
    {
        var folder = fixture.Folder("toll", ("a.txt", NewsText.Bytes(NewsText.Soldiers)), ("b.md", NewsText.Bytes(NewsText.SoldiersAgain)));

        var report = await fixture.RunAsync(new SourceSpec(SourceKind.Folder, folder));

        var toll = Assert.Single(await AllEventsAsync(), e => e.Casualties.Any(c => c.Count == 350));
        Assert.Equal(["a.txt", "b.md"], toll.Sources.Select(s => s.File).Distinct());
        Assert.Contains(report.Articles[1].MergedEvents, e => e.Id == toll.Id);
    }

    [Fact]
    public async Task A_feed_is_read_page_by_page_and_pages_already_stored_are_not_fetched_again()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/wire.xml", NewsText.Rss(site.Url("/a"), "/b", site.Url("/gone"), site.Url("/slow")), "application/rss+xml");
        site.Serve("/a", NewsText.Page("Drones strike Stepanakert substation", "Azerbaijani drones struck a power substation in Stepanakert on Monday, officials said. One civilian was killed."));
        site.Serve("/b", NewsText.Page("Martuni shelled", "Armenian officials said Azerbaijani forces shelled Martuni on Monday."));
        site.Fail("/gone", 404);
        site.Hang("/slow");
        fixture.Options.FetchTimeout = TimeSpan.FromSeconds(2); // long enough for the good pages on a loaded machine
        var feed = new SourceSpec(SourceKind.Feed, site.Url("/wire.xml"));

        var first = await fixture.RunAsync(feed);
        var second = await fixture.RunAsync(feed);

        var outcomes = first.Articles.ToDictionary(a => a.Origin, a => a.Reason ?? a.Outcome.ToString());
        Assert.Equal("Stored", outcomes[site.Url("/a")]);
        Assert.Equal("Stored", outcomes[site.Url("/b")]);
        Assert.Contains("404", outcomes[site.Url("/gone")]);
        Assert.Contains("did not answer within 2 s", outcomes[site.Url("/slow")]);
        Assert.Equal(1, site.Requests["/a"]);
        Assert.Equal(1, site.Requests["/b"]);
        Assert.Equal(1, site.Requests["/gone"]);
        Assert.Equal(1, site.Requests["/slow"]);
        Assert.Empty(second.Articles);
        var stored = await AllEventsAsync();
        Assert.Contains(stored, e => e.Sources.Any(s => s.Url == site.Url("/a") && s.File is null));
    }

    [Fact]
    public async Task A_feed_that_has_not_changed_answers_304_to_the_validators_of_its_last_answer_and_is_skipped()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.ServeWithETag("/wire.xml", NewsText.Rss(site.Url("/a")), "\"v1\"");
        site.Serve("/a", NewsText.Page("Drones strike Stepanakert substation", "Azerbaijani drones struck a power substation in Stepanakert on Monday, officials said."));
        site.Serve("/b", NewsText.Page("Martuni shelled", "Armenian officials said Azerbaijani forces shelled Martuni on Monday."));
        var feed = new SourceSpec(SourceKind.Feed, site.Url("/wire.xml"));

        var first = await fixture.RunAsync(feed);
        var unchanged = await fixture.RunAsync(feed);
        site.ServeWithETag("/wire.xml", NewsText.Rss(site.Url("/a"), site.Url("/b")), "\"v2\"");
        var changed = await fixture.RunAsync(feed);

        Assert.Equal(ArticleOutcome.Stored, Assert.Single(first.Articles).Outcome);
        Assert.Empty(unchanged.Articles);
        Assert.Equal(1, site.NotModified["/wire.xml"]);
        Assert.Equal(3, site.Requests["/wire.xml"]);
        Assert.Equal(site.Url("/b"), Assert.Single(changed.Articles).Origin);
        Assert.Equal(1, site.Requests["/a"]);
        Assert.Equal(1, site.Requests["/b"]);
    }

    [Fact]
    public async Task A_feed_whose_last_answer_was_not_read_whole_is_read_again_in_full()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.ServeWithETag("/wire.xml", NewsText.Rss(site.Url("/a"), site.Url("/busy")), "\"v1\"");
        site.Serve("/a", NewsText.Page("Drones strike Stepanakert substation", "Azerbaijani drones struck a power substation in Stepanakert on Monday, officials said."));
        site.Fail("/busy", 500);
        var feed = new SourceSpec(SourceKind.Feed, site.Url("/wire.xml"));

        await fixture.RunAsync(feed);
        fixture.Store.Clock.Advance(FetchPolicy.FirstWait);
        var again = await fixture.RunAsync(feed);

        Assert.False(site.NotModified.ContainsKey("/wire.xml"));
        Assert.Equal(2, site.Requests["/busy"]);
        Assert.Equal(1, site.Requests["/a"]);
        Assert.Equal(1, again.Skipped);
    }

    [Fact]
    public async Task No_article_url_is_fetched_twice_across_runs_whether_stored_duplicate_gone_or_not_an_article_and_a_failing_one_is_retried_with_growing_waits()
    {
        await using var site = await FakeNewsSite.StartAsync();
        var story = NewsText.Page("Drones strike Stepanakert substation", "Azerbaijani drones struck a power substation in Stepanakert on Monday, officials said.");
        site.Serve("/wire.xml", NewsText.Rss(site.Url("/a"), site.Url("/mirror"), site.Url("/gone"), site.Url("/removed"), site.Url("/menu"), site.Url("/busy")),
            "application/rss+xml");
        site.Serve("/a", story);
        site.Serve("/mirror", story); // the same text under another address
        site.Fail("/gone", 404);
        site.Fail("/removed", 410);
        site.Serve("/menu", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        site.Fail("/busy", 503);
        var feed = new SourceSpec(SourceKind.Feed, site.Url("/wire.xml"));

        var first = await fixture.RunAsync(feed);
        var second = await fixture.RunAsync(feed);
        var busyRequests = new List<int> { site.Requests["/busy"] };
        foreach (var wait in new[] { 15, 60, 240, 24 * 60 })
        {
            fixture.Store.Clock.Advance(TimeSpan.FromMinutes(wait) - TimeSpan.FromSeconds(1));
            await fixture.RunAsync(feed); // a second early: not asked
            fixture.Store.Clock.Advance(TimeSpan.FromSeconds(1));
            await fixture.RunAsync(feed);
            busyRequests.Add(site.Requests["/busy"]);
        }

        var outcomes = first.Articles.ToDictionary(a => a.Origin, a => a.Outcome);
        Assert.Equal(ArticleOutcome.Stored, outcomes[site.Url("/a")]);
        Assert.Equal(ArticleOutcome.Duplicate, outcomes[site.Url("/mirror")]);
        Assert.All(["/gone", "/removed", "/menu", "/busy"], path => Assert.Equal(ArticleOutcome.Skipped, outcomes[site.Url(path)]));
        Assert.Empty(second.Articles);
        Assert.All(["/a", "/mirror", "/gone", "/removed", "/menu"], path => Assert.Equal(1, site.Requests[path]));
        Assert.Equal([1, 2, 3, 4, 4], busyRequests);
        Assert.Equal(10, site.Requests["/wire.xml"]);
        var log = fixture.Store.Store.FetchLog;
        Assert.Equal(FetchVerdict.Stored, (await log.FindAsync(site.Url("/a"), Ct))!.Verdict);
        Assert.Equal(FetchVerdict.Duplicate, (await log.FindAsync(site.Url("/mirror"), Ct))!.Verdict);
        Assert.Equal(FetchVerdict.Gone, (await log.FindAsync(site.Url("/removed"), Ct))!.Verdict);
        Assert.Equal(FetchVerdict.Gone, (await log.FindAsync(site.Url("/menu"), Ct))!.Verdict);
        Assert.Equal(new FetchRecord(site.Url("/busy"), FetchVerdict.Failing, 4, "the server answered 503 ServiceUnavailable",
            fixture.Store.Clock.GetUtcNow() - TimeSpan.FromMinutes(24 * 60), null), await log.FindAsync(site.Url("/busy"), Ct));
    }

    [Fact]
    public async Task A_page_source_that_was_stored_or_is_gone_is_not_fetched_again_in_later_runs()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/b", NewsText.Page("Martuni shelled", "Armenian officials said Azerbaijani forces shelled Martuni on Monday."));
        site.Fail("/gone", 410);
        var pages = new[] { new SourceSpec(SourceKind.Page, site.Url("/b")), new SourceSpec(SourceKind.Page, site.Url("/gone")) };

        var first = await fixture.RunAsync(pages);
        var second = await fixture.RunAsync([.. pages, SourceSpec.Guess(site.Url("/b"))]);

        Assert.Equal([ArticleOutcome.Stored, ArticleOutcome.Skipped], first.Articles.Select(a => a.Outcome));
        Assert.Empty(second.Articles);
        Assert.Equal(1, site.Requests["/b"]);
        Assert.Equal(1, site.Requests["/gone"]);
    }

    [Fact]
    public async Task A_feed_that_answers_503_with_retry_after_is_not_asked_again_before_then()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.FailWithRetryAfter("/busy.xml", 503, seconds: 120);
        var feed = new SourceSpec(SourceKind.Feed, site.Url("/busy.xml"));

        var first = await fixture.RunAsync(feed);
        var soon = await fixture.RunAsync(feed);
        fixture.Store.Clock.Advance(TimeSpan.FromMinutes(3));
        await fixture.RunAsync(feed);

        Assert.Contains("503", Assert.Single(first.Articles).Reason, StringComparison.Ordinal);
        Assert.Contains("asked not to be asked again before 2020-10-04 07:02:00 UTC", first.Articles[0].Reason, StringComparison.Ordinal);
        Assert.Empty(soon.Articles);
        Assert.Equal(2, site.Requests["/busy.xml"]);
    }

    [Fact]
    public async Task A_feed_that_is_not_xml_is_reported_and_the_other_sources_still_run()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/feed", "{\"items\": [], \"note\": \"our feed has moved\"}", "application/json");
        site.Serve("/page-not-feed", "<html><body><p>Our feed has moved</p></body></html>");
        var folder = fixture.Folder("news", ("shelling.txt", NewsText.Bytes(NewsText.Shelling)));

        var report = await fixture.RunAsync(
            new SourceSpec(SourceKind.Feed, site.Url("/feed")), new SourceSpec(SourceKind.Feed, site.Url("/page-not-feed")), new SourceSpec(SourceKind.Folder, folder));

        Assert.StartsWith("the feed is not XML", report.Articles[0].Reason, StringComparison.Ordinal);
        Assert.Equal("the XML is not an RSS or Atom feed (its root element is <html>)", report.Articles[1].Reason);
        Assert.Equal(ArticleOutcome.Stored, report.Articles[2].Outcome);
    }

    [Fact]
    public async Task A_url_given_by_hand_is_read_as_a_feed_when_it_is_one_and_as_a_page_otherwise()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/atom", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
            <entry><title>A</title><link href="{site.Url("/a")}"/><updated>2020-10-06T10:00:00Z</updated></entry></feed>
            """, "application/atom+xml");
        site.Serve("/a", NewsText.Page("Drones strike Stepanakert substation", "Azerbaijani drones struck a power substation in Stepanakert on Monday, officials said."));
        site.Serve("/b", NewsText.Page("Martuni shelled", "Armenian officials said Azerbaijani forces shelled Martuni on Monday."));

        var fromFeed = await fixture.RunAsync(SourceSpec.Guess(site.Url("/atom")));
        var page = await fixture.RunAsync(SourceSpec.Guess(site.Url("/b")));

        Assert.Equal(site.Url("/a"), Assert.Single(fromFeed.Articles).Origin);
        Assert.Equal(ArticleOutcome.Stored, Assert.Single(page.Articles).Outcome);
        Assert.Equal("Martuni shelled", page.Articles[0].Article!.Title);
    }

    [Fact]
    public async Task A_page_that_times_out_is_reported_with_the_time_it_was_given()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Hang("/slow");
        fixture.Options.FetchTimeout = TimeSpan.FromMilliseconds(300);

        var report = await fixture.RunAsync(new SourceSpec(SourceKind.Page, site.Url("/slow")));

        Assert.Equal("it did not answer within 0.3 s", Assert.Single(report.Articles).Reason);
    }

    public void Dispose() => fixture.Dispose();
}
