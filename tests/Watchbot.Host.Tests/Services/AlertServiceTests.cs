using Watchbot.Core.Stores;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Services;

public sealed class AlertServiceTests : IDisposable
{
    private readonly StoreFixture f = new();
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_poll_queues_an_alert_for_each_event_at_or_above_the_threshold()
    {
        await f.SubscribeAsync("alerts", s => s with { AlertsEnabled = true, AlertMinSeverity = 4 });
        await f.SubscribeAsync("quiet");
        await f.AddEventAsync("Minor fire", severity: 2);
        await f.AddEventAsync("Strike on a hospital", severity: 5);

        var result = await f.Alerts.PollAsync(f.Clock.GetUtcNow(), None);
        var transport = new FakeTransport();
        await f.Delivery.DrainAsync(transport, None);

        Assert.Equal((2, 1), (result.Events, result.Alerts));
        var alert = Assert.Single(transport.Delivered);
        Assert.Equal("alerts", alert.Chat.ChatId);
        Assert.Contains("Strike on a hospital", alert.Message.ToPlainText());
        Assert.EndsWith("alert, severity 5 of 5", alert.Message.Title);
    }

    [Fact]
    public async Task The_poll_cursor_moves_past_what_it_read_so_nothing_is_alerted_twice()
    {
        await f.SubscribeAsync("alerts", s => s with { AlertsEnabled = true, AlertMinSeverity = 1 });
        var e = await f.AddEventAsync("Strike");

        await f.Alerts.PollAsync(f.Clock.GetUtcNow(), None);
        var again = await f.Alerts.PollAsync(f.Clock.GetUtcNow(), None);
        var cursor = await f.Store.Cursors.GetAsync(CursorNames.Poll, None);

        Assert.Equal(0, again.Events);
        Assert.Equal(e.Seq, cursor.Value);
        Assert.Equal(1, await f.Store.Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task A_poll_with_nothing_new_still_records_when_it_ran()
    {
        f.Clock.Advance(TimeSpan.FromMinutes(5));

        await f.Alerts.PollAsync(f.Clock.GetUtcNow(), None);

        Assert.Equal(f.Clock.GetUtcNow(), (await f.Store.Cursors.GetAsync(CursorNames.Poll, None)).UpdatedAt);
    }

    public void Dispose() => f.Dispose();
}
