using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Ingest;

/// <summary>`watchbot ingest`, `watchbot eval` and the ingest job of `watchbot run`, as real processes.</summary>
public sealed class IngestCliTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("watchbot.db");

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "samples", "articles");

    private Task<ProcessResult> Run(params string[] args) => WatchbotProcess.RunAsync(args.Concat(["--db", Db]));

    [Fact]
    public async Task Ingest_prints_each_article_with_its_events_and_a_second_run_finds_them_stored()
    {
        var first = await Run("ingest", Samples);
        var second = await Run("ingest", Samples);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("stored  01-barda-shelling.txt: \"", first.Output);
        Assert.Contains("  + #1 ", first.Output);
        Assert.Contains("[pending]", first.Output);
        Assert.Contains("12 read: 12 stored, 0 already stored, 0 skipped;", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already stored  01-barda-shelling.txt", second.Output);
        Assert.Contains("12 read: 0 stored, 12 already stored, 0 skipped; 0 events added, 0 merged", second.Output);
    }

    [Fact]
    public async Task Ingest_reports_a_bad_file_exits_1_and_still_stores_the_good_one()
    {
        var folder = temp.File("news");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), NewsText.Shelling);
        await File.WriteAllBytesAsync(Path.Combine(folder, "b.txt"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0]);

        var result = await Run("ingest", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stored  a.txt", result.Output);
        Assert.Contains("skipped  b.txt: the file is binary", result.Output);
        Assert.Contains("Skipped b.txt", result.Error);
    }

    [Fact]
    public async Task Ingest_of_something_that_is_not_there_says_so_and_exits_2()
    {
        var result = await Run("ingest", temp.File("missing.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is neither a file, a folder nor an http(s) URL", result.Error);
    }

    [Fact]
    public async Task Eval_scores_the_sample_articles_through_a_temporary_store()
    {
        var result = await WatchbotProcess.RunAsync(["eval", "--articles", Samples, "--gold", Path.Combine(Samples, "..", "gold.json"), "--read-date", "2020-12-31"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"casualties\s+\d+\s+1\.00\s+\d+\s+\d+\s+1\.00", result.Output);
        Assert.Matches(@"ceasefire\s+\d+\s+\d\.\d\d\s+\d+\s+\d+\s+1\.00", result.Output);
        Assert.Contains("negatives extracted: 0 of", result.Output);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Run_on_the_embedded_defaults_ingests_the_sample_articles_and_the_chat_can_read_them()
    {
        using var bot = WatchbotProcess.Start(["run", "--db", Db]);

        Assert.True(await bot.WaitForOutputAsync("Ingest: 12 articles read", 1, TimeSpan.FromSeconds(60), inErrors: true), bot.Error);
        await bot.SendAsync("/status");
        await bot.SendAsync("/latest karabakh 3");

        Assert.True(await bot.WaitForOutputAsync("Last ingest: ", 1, TimeSpan.FromSeconds(30)), bot.Output);
        Assert.True(await bot.WaitForOutputAsync("waiting for review", 1, TimeSpan.FromSeconds(30)), bot.Output);
        Assert.DoesNotContain("Last ingest: never", bot.Output);
    }

    public void Dispose() => temp.Dispose();
}
