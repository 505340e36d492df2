using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Charts;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Fakes;
using Watchbot.Host.ConsoleChat;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Services;

/// <summary>The digest job draws the topic's chart once, writes it beside the database, and the console prints its path.</summary>
public sealed class DigestChartServiceTests : IDisposable
{
    private readonly StoreFixture f = new();
    private readonly TempFolder folder = new();
    private static readonly CancellationToken None = CancellationToken.None;

    private DigestService Digests => new(f.Store.Events, f.Store.Subscriptions, f.Store.Outbox, f.DigestSettings, NullLogger<DigestService>.Instance,
        new ScottPlotChartRenderer(folder.Path, NullLogger<ScottPlotChartRenderer>.Instance));

    private Task AddTallyAsync(int daysAgo, int killed) =>
        f.Store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Casualties,
            Date = DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime).AddDays(-daysAgo),
            Summary = $"Military deaths put at {killed}",
            Topics = ["karabakh"],
            Casualties = [new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, killed, null, CountQualifier.Exact, true, "Artsakh officials")],
        }, None);

    private async Task<List<OutgoingMessage>> DeliveredAsync()
    {
        var transport = new FakeTransport();
        await f.Delivery.DrainAsync(transport, None);
        return transport.Delivered.Select(d => d.Message).ToList();
    }

    [Fact]
    public async Task Every_due_digest_of_a_topic_carries_the_same_chart_file_drawn_once_and_chart_off_carries_none()
    {
        await f.SubscribeAsync("a");
        await f.SubscribeAsync("b");
        await f.SubscribeAsync("off", s => s with { DigestChart = false });
        await AddTallyAsync(3, 40);
        await AddTallyAsync(0, 104);
        f.Clock.Advance(TimeSpan.FromHours(1));

        await Digests.RunDueAsync(f.Clock.GetUtcNow(), None);
        var delivered = await DeliveredAsync();

        Assert.Equal(3, delivered.Count);
        var images = delivered.Select(m => m.Image).Where(i => i is not null).ToList();
        Assert.Equal(2, images.Count);
        Assert.Single(images.Select(i => i!.Path).Distinct());
        Assert.Single(Directory.GetFiles(folder.Path, "*.png"));
        Assert.Equal((800, 450), PngHeader.Read(await File.ReadAllBytesAsync(images[0]!.Path)));
        Assert.Contains("+64", images[0]!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_without_tallies_in_the_30_days_has_no_chart_and_draws_nothing()
    {
        await f.SubscribeAsync("a");
        await f.AddEventAsync("Shelling of a border village");
        await AddTallyAsync(31, 40);
        f.Clock.Advance(TimeSpan.FromHours(1));

        await Digests.RunDueAsync(f.Clock.GetUtcNow(), None);

        Assert.Null(Assert.Single(await DeliveredAsync()).Image);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task The_console_prints_the_path_of_the_charts_png()
    {
        var output = new StringWriter();
        var console = new ConsoleTransport { Output = output };
        var image = new MessageImage(System.IO.Path.Combine(folder.Path, "karabakh-20201004-abc.png"), 800, 450, "Karabakh chart");

        await console.SendAsync(ConsoleTransport.LocalChat, new OutgoingMessage(MessageKind.Digest, "Karabakh digest", [], Image: image), None);

        Assert.Contains("Chart: " + image.Path, output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        f.Dispose();
        folder.Dispose();
    }
}
