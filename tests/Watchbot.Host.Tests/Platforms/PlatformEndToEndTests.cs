using Watchbot.Host.Platforms;

namespace Watchbot.Host.Tests.Platforms;

/// <summary>The promises every platform keeps to its users, through the real host (HostMode.Run) in this process against
/// the platform's fake on 127.0.0.1, with real HTTP and real SQLite. Flows only one platform has (Telegram's buttons,
/// offsets and migrated groups; Discord's gateway, command registration and paused channels) stay in its own folder.</summary>
public sealed class PlatformEndToEndTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("watchbot.db");

    public static TheoryData<string> Platforms => PlatformCase.All;

    private async Task<PlatformCase> StartAsync(string platform)
    {
        var bot = await PlatformCase.StartAsync(platform);
        await bot.StartHostAsync(Db);
        Assert.True(await bot.ConnectedAsync(), "the host never connected to the fake");
        return bot;
    }

    [Fact]
    public void Every_platform_the_program_registers_has_a_case_in_the_shared_suites() =>
        Assert.Equal(PlatformRegistration.All.Select(p => p.Section.Split(':')[^1].ToLowerInvariant()).Order(), PlatformCase.Names.Order());

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Subscribing_to_karabakh_is_answered_and_stored_and_the_commands_are_registered(string platform)
    {
        await using var bot = await StartAsync(platform);

        var answer = await bot.AskAsync("subscribe", "karabakh");

        Assert.Contains("follow", answer.Text, StringComparison.Ordinal);
        Assert.Contains("karabakh", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Only administrators", answer.Text, StringComparison.Ordinal);
        Assert.Single(await bot.SubscriptionsAsync());
        Assert.Contains("subscribe", bot.RegisteredCommands());
        bot.AssertSubscribeAnswerIsNative(answer);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task An_event_added_after_subscribing_arrives_once_in_the_digest_asked_for_now_in_the_platforms_safe_format(string platform)
    {
        await using var bot = await StartAsync(platform);
        await bot.AskAsync("subscribe", "karabakh");
        await bot.AddEventAsync("Rocket fire struck <residential> streets & markets of **Stepanakert**, reported by @everyone");

        var answer = await bot.AskAsync("digest", "now");

        Assert.Contains("Composing", answer.Text, StringComparison.Ordinal);
        bot.AssertDigestIsSafe(await bot.DeliveredAsync("Rocket fire struck"));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_rate_limit_on_the_digest_is_waited_out_and_the_digest_still_arrives(string platform)
    {
        await using var bot = await StartAsync(platform);
        await bot.AskAsync("subscribe", "karabakh");
        await bot.AddEventAsync("Shelling of Martuni overnight");
        Assert.Contains("Composing", (await bot.AskAsync("digest", "now")).Text, StringComparison.Ordinal);

        // The answer is out; the next message to the chat is the digest, and the platform says slow down first.
        bot.RateLimitTheNextMessage();

        await bot.DeliveredAsync("Shelling of Martuni overnight");
        Assert.Equal(1, bot.RateLimitsAnswered);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_chat_the_bot_can_no_longer_reach_has_its_subscription_switched_off_and_gets_no_digest(string platform)
    {
        await using var bot = await StartAsync(platform);
        await bot.AskAsync("subscribe", "karabakh");
        // The chat is lost before the event exists: the recap that subscribing sends may still be on its way, and must not
        // be able to carry the event out before the loss (seen once in CI).
        bot.LoseTheChat();
        await bot.AddEventAsync("Drone strike near Hadrut");

        await bot.SayAsync("digest", "now");

        var switchedOff = false;
        for (var i = 0; i < 300 && !switchedOff; i++)
        {
            switchedOff = await bot.SubscriptionsAsync() is [{ Active: false }];
            await Task.Delay(100);
        }

        Assert.True(switchedOff);
        Assert.DoesNotContain(bot.DeliveredTexts(), t => t.Contains("Drone strike", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_member_who_is_not_an_administrator_cannot_subscribe_a_group_chat_and_its_administrator_can(string platform)
    {
        await using var bot = await StartAsync(platform);

        var refused = await bot.AskInGroupAsync("subscribe", "karabakh", byAdmin: false);

        Assert.Contains("Only administrators of this chat can", refused.Text, StringComparison.Ordinal);
        bot.AssertRefusalIsNative(refused);
        Assert.Empty(await bot.GroupSubscriptionsAsync());

        var allowed = await bot.AskInGroupAsync("subscribe", "karabakh", byAdmin: true);

        Assert.Contains("follow", allowed.Text, StringComparison.Ordinal);
        Assert.Single(await bot.GroupSubscriptionsAsync());
    }

    public void Dispose() => temp.Dispose();
}
