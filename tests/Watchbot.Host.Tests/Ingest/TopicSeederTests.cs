using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Topics;
using Watchbot.Host.Configuration;
using Watchbot.Host.Tests.Support;
using Watchbot.Host.Topics;

namespace Watchbot.Host.Tests.Ingest;

/// <summary>The shipped topics seed a store once; a stored topic from before topics had sides takes the file's sides.</summary>
public sealed class TopicSeederTests : IDisposable
{
    private readonly StoreFixture store = new();

    private TopicSeeder Seeder => new(store.Store.Topics, new WatchbotOptions { TopicsFile = Path.Combine(AppContext.BaseDirectory, "config", "topics.json") },
        NullLogger<TopicSeeder>.Instance);

    [Fact]
    public async Task A_stored_topic_without_sides_takes_the_files_sides_and_keeps_its_own_places()
    {
        await Seeder.SeedAsync(CancellationToken.None);

        var karabakh = await store.Store.Topics.GetAsync("karabakh", CancellationToken.None);
        Assert.NotNull(karabakh);
        Assert.Contains(karabakh.Sides, s => s.Name == "Azerbaijan");
        Assert.Equal("Artsakh", Assert.Single(karabakh.Places, p => p.Name == "Stepanakert").Side);
        Assert.Equal("The war", karabakh.Description);
        Assert.NotNull(await store.Store.Topics.GetAsync("sahel", CancellationToken.None));
    }

    [Fact]
    public async Task A_stored_topic_with_sides_of_its_own_is_left_as_the_admin_wrote_it()
    {
        var edited = new Topic("karabakh", "Edited", [], [], []) { Sides = [new TopicSide("North", []), new TopicSide("South", [])] };
        await store.Store.Topics.UpsertAsync(edited, CancellationToken.None);

        await Seeder.SeedAsync(CancellationToken.None);

        var karabakh = await store.Store.Topics.GetAsync("karabakh", CancellationToken.None);
        Assert.Equal(["North", "South"], karabakh!.Sides.Select(s => s.Name));
    }

    public void Dispose() => store.Dispose();
}
