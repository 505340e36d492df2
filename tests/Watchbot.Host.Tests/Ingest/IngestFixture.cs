using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Extraction;
using Watchbot.Host.Configuration;
using Watchbot.Host.Ingest;
using Watchbot.Host.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Ingest;

/// <summary>The ingest service over a real store in a temp folder, with the extractor's real config.</summary>
public sealed class IngestFixture : IDisposable
{
    private static readonly Lazy<Extractor> SharedExtractor = new(() => Extractor.FromConfigDirectory(Path.Combine(AppContext.BaseDirectory, "config")));
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public StoreFixture Store { get; } = new();

    public TempFolder Files { get; } = new();

    public IngestOptions Options { get; } = new() { FetchTimeout = TimeSpan.FromSeconds(2) };

    public IngestService Service => new(
        new SourceReader(new ArticleFetcher(http, Options, Store.Clock), Store.Store.FetchLog, Store.Store.Cursors, Options, Store.Clock,
            NullLogger<SourceReader>.Instance),
        Store.Store.Articles, Store.Store.FetchLog, Store.Store.Cursors, Store.Store.Topics, SharedExtractor, Options, Store.Clock,
        NullLogger<IngestService>.Instance);

    public string Folder(string name, params (string File, byte[] Bytes)[] files)
    {
        var folder = Files.File(name);
        Directory.CreateDirectory(folder);
        foreach (var (file, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }

        return folder;
    }

    /// <summary>Replaces the fixture's one small topic with the shipped config/topics.json.</summary>
    public async Task SeedShippedTopicsAsync()
    {
        await Store.Store.Topics.RemoveAsync("karabakh", CancellationToken.None);
        await new Watchbot.Host.Topics.TopicSeeder(Store.Store.Topics, new WatchbotOptions { TopicsFile = Path.Combine(AppContext.BaseDirectory, "config", "topics.json") },
            NullLogger<Watchbot.Host.Topics.TopicSeeder>.Instance).SeedAsync(CancellationToken.None);
    }

    public Task<IngestRunReport> RunAsync(params SourceSpec[] sources) => Service.RunAsync(sources, CancellationToken.None);

    public void Dispose()
    {
        http.Dispose();
        Files.Dispose();
        Store.Dispose();
    }
}
