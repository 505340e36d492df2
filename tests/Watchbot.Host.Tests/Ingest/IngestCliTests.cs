using Watchbot.Host.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Ingest;

/// <summary>`watchbot ingest`, `watchbot eval` and the ingest job of `watchbot run`, as real processes.</summary>
public sealed class IngestCliTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("watchbot.db");

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "samples", "articles");

    /// <summary>How many sample articles ship (they grow with the rules).</summary>
    internal static int SampleCount => Directory.GetFiles(Samples).Length;

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
        Assert.Contains($"{SampleCount} read: {SampleCount} stored, 0 already stored, 0 skipped;", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already stored  01-barda-shelling.txt", second.Output);
        Assert.Contains($"{SampleCount} read: 0 stored, {SampleCount} already stored, 0 skipped; 0 events added, 0 merged", second.Output);
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
    public async Task Eval_scores_the_sample_articles_through_a_temporary_store_in_the_python_scorers_words()
    {
        var result = await WatchbotProcess.RunAsync(["eval", "--articles", Samples, "--gold", Path.Combine(Samples, "..", "gold.json"), "--read-date", "2020-12-31", "-v"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"(?m)^events extracted from gold files: \d+; casualty figures: \d+$", result.Output);
        Assert.Matches(@"(?m)^casualties: recall \d\.\d\d \(\d+/\d+\) precision \d\.\d\d F1 \d\.\d\d; population right \d+/\d+; side right \d+/\d+; claimant right \d+/\d+$", result.Output);
        Assert.Matches(@"(?m)^ceasefire: recall 1\.00 \(\d+/\d+\) precision \d\.\d\d \(\d+ extracted\)$", result.Output);
        Assert.Matches(@"(?m)^OK: casualty F1 \d\.\d\d, event recall \d\.\d\d, event precision \d\.\d\d, dates \d\.\d\d, side \d\.\d\d, claimant \d\.\d\d, negatives 0$", result.Output);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Eval_over_two_folders_scores_as_over_one_and_refuses_a_folder_that_is_not_there()
    {
        var gold = Path.Combine(Samples, "..", "gold.json");
        var first = Directory.CreateDirectory(temp.File("first")).FullName;
        var second = Directory.CreateDirectory(temp.File("second")).FullName;
        foreach (var file in Directory.GetFiles(Samples).Order(StringComparer.Ordinal).Select((f, i) => (f, i)))
        {
            File.Copy(file.f, Path.Combine(file.i < 6 ? first : second, Path.GetFileName(file.f)));
        }

        var one = await WatchbotProcess.RunAsync(["eval", "--articles", Samples, "--gold", gold, "--read-date", "2020-12-31"]);
        var two = await WatchbotProcess.RunAsync(["eval", "--articles", first, "--articles", second, "--gold", gold, "--read-date", "2020-12-31"]);
        var missing = await WatchbotProcess.RunAsync(["eval", "--articles", Samples, temp.File("missing"), "--gold", gold]);

        Assert.True(two.ExitCode == 0, two.Error);
        Assert.Equal(one.Output, two.Output);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("is not a folder", missing.Error);
    }

    [Fact]
    public async Task Run_on_the_embedded_defaults_ingests_the_sample_articles_and_the_chat_can_read_them()
    {
        using var bot = WatchbotProcess.Start(["run", "--db", Db]);

        Assert.True(await bot.WaitForOutputAsync($"Ingest: {SampleCount} articles read", 1, TimeSpan.FromSeconds(60), inErrors: true), bot.Error);
        await bot.SendAsync("/status");
        await bot.SendAsync("/latest karabakh 3");

        Assert.True(await bot.WaitForOutputAsync("Last ingest: ", 1, TimeSpan.FromSeconds(30)), bot.Output);
        Assert.True(await bot.WaitForOutputAsync("waiting for review", 1, TimeSpan.FromSeconds(30)), bot.Output);
        Assert.DoesNotContain("Last ingest: never", bot.Output);
    }

    [Fact]
    public async Task Commands_typed_at_start_wait_for_the_first_ingest_and_see_the_sample_articles()
    {
        using var bot = WatchbotProcess.Start(["run", "--db", Db]);
        await bot.SendAsync("/subscribe karabakh");
        await bot.SendAsync("/latest karabakh 3");

        Assert.True(await bot.WaitForOutputAsync("Latest in karabakh", 1, TimeSpan.FromSeconds(90)), bot.Output + bot.Error);
        Assert.Contains("Watchbot is running. Type /help", bot.Output);
        Assert.Contains("A digest of the last day (", bot.Output);
        Assert.DoesNotContain("No events in karabakh yet", bot.Output);
    }

    public void Dispose() => temp.Dispose();
}
