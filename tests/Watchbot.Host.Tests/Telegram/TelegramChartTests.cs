using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Fakes;
using Watchbot.Fakes.Telegram;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>The digest's chart, end to end: the real host draws it with ScottPlot and sends it to the fake Bot API as a
/// sendPhoto upload, captioned with the digest's first part.</summary>
public sealed class TelegramChartTests : FakeTelegramTest
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<WatchEvent> AddTallyAsync(TelegramBot bot, int daysAgo, int killed, int wounded) =>
        bot.Get<IEventStore>().AddAsync(new EventDraft
        {
            Kind = EventKind.Casualties,
            Date = Today.AddDays(-daysAgo),
            Summary = $"Artsakh officials put military deaths at {killed} and wounded at {wounded} since the fighting began",
            Topics = ["karabakh"],
            Severity = 4,
            Casualties =
            [
                new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, killed, null, CountQualifier.Exact, true, "Artsakh officials"),
                new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Wounded, wounded, null, CountQualifier.Exact, true, "Artsakh officials"),
            ],
            Sources = [new EventSource(null, "https://example.org/tally" + daysAgo, "Example News", Today.AddDays(-daysAgo), null)],
        }, CancellationToken.None);

    private async Task SubscribeAsync()
    {
        Fake.EnqueueText(Alice, Alice, "/subscribe karabakh");
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Any(m => m.Text.Contains("follow", StringComparison.Ordinal)), TelegramBot.Patience));
    }

    private async Task<bool> DigestArrivedAsync(string text)
    {
        if (await Fake.WaitUntilAsync(f => f.SentTo(Alice).Any(m => m.Text.Contains(text, StringComparison.Ordinal))
            || f.Photos.Any(p => p.ChatId == Alice && p.Caption.Contains(text, StringComparison.Ordinal)), TelegramBot.Patience))
        {
            return true;
        }

        throw new Xunit.Sdk.XunitException($"No message with '{text}'. Calls:\n{Calls()}");
    }

    private string Calls() => string.Join("\n", Fake.Calls.Select(c => $"{c.Method} {c.Body.ToJsonString()}"))
        + "\nSent:\n" + string.Join("\n", Fake.Sent.Select(m => m.Text)) + "\nPhotos:\n" + string.Join("\n", Fake.Photos.Select(p => p.Caption));

    [Fact]
    public async Task A_digest_with_tallies_comes_as_a_photo_of_the_chart_captioned_with_its_first_part_and_the_rest_as_messages()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        await SubscribeAsync();
        await AddTallyAsync(bot, 3, 40, 90);
        await AddTallyAsync(bot, 0, 104, 210);
        for (var i = 0; i < 12; i++)
        {
            await bot.AddEventAsync($"Shelling number {i} struck the outskirts of Stepanakert overnight, local officials said, damaging homes and a school");
        }

        var before = Fake.SentTo(Alice).Count;
        Fake.EnqueueText(Alice, Alice, "/digest now");

        Assert.True(await Fake.WaitUntilAsync(f => f.Photos.Any(p => p.ChatId == Alice)
            && f.SentTo(Alice).Any(m => m.Text.Contains("Shelling number 11", StringComparison.Ordinal)), TelegramBot.Patience), Calls());
        var photo = Assert.Single(Fake.Photos, p => p.ChatId == Alice);
        Assert.Equal((800, 450), PngHeader.Read(photo.Bytes));
        Assert.EndsWith(".png", photo.FileName, StringComparison.Ordinal);
        Assert.InRange(photo.Caption.Length, 1, 1024);
        Assert.StartsWith("Karabakh digest", photo.Caption, StringComparison.Ordinal);
        Assert.Null(FakeHtml.Parse(photo.CaptionHtml).Error);

        // Everything after the caption follows as messages, after the photo; together they hold the whole digest.
        var rest = Fake.SentTo(Alice).Skip(before).Where(m => m.MessageId > photo.MessageId).ToList();
        Assert.NotEmpty(rest);
        var whole = photo.Caption + "\n" + string.Join("\n", rest.Select(m => m.Text));
        for (var i = 0; i < 12; i++)
        {
            Assert.Contains($"Shelling number {i} struck", whole, StringComparison.Ordinal);
        }

        Assert.Contains("104", whole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_off_sends_the_digest_without_a_photo_and_chart_on_brings_it_back()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        await SubscribeAsync();
        await AddTallyAsync(bot, 1, 40, 90);
        await AddTallyAsync(bot, 0, 104, 210);

        Fake.EnqueueText(Alice, Alice, "/digest karabakh chart off");
        Assert.True(await DigestArrivedAsync("Without the chart"));
        Fake.EnqueueText(Alice, Alice, "/digest now");
        Assert.True(await DigestArrivedAsync("Karabakh digest"));
        Assert.Empty(Fake.Photos);
        Assert.False(Assert.Single(await bot.SubscriptionsAsync(Alice, Alice)).DigestChart);

        Fake.EnqueueText(Alice, Alice, "/digest karabakh chart on");
        Assert.True(await DigestArrivedAsync("With a chart of the last 30 days"));
        await bot.AddEventAsync("Drone strike near Hadrut");
        Fake.EnqueueText(Alice, Alice, "/digest now");
        Assert.True(await DigestArrivedAsync("Drone strike near Hadrut"));
        var photo = Assert.Single(Fake.Photos);
        Assert.Equal((800, 450), PngHeader.Read(photo.Bytes));
        Assert.StartsWith("Karabakh digest", photo.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_with_no_tally_in_the_last_30_days_has_nothing_to_draw_and_no_photo()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        await SubscribeAsync();
        await AddTallyAsync(bot, 45, 40, 90); // older than the chart's 30 days
        await bot.AddEventAsync("Shelling of Martuni overnight");

        Fake.EnqueueText(Alice, Alice, "/digest now");

        Assert.True(await DigestArrivedAsync("Shelling of Martuni overnight"));
        Assert.Empty(Fake.Photos);
        Assert.Empty(Fake.CallsOf("sendPhoto"));
    }
}
