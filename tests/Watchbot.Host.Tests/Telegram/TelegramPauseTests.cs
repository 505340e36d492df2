using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>Chats the bot can no longer reach, found out while answering a command: paused, offered to resume, or moved.</summary>
public sealed class TelegramPauseTests : FakeTelegramTest
{
    private Task<bool> SentAsync(long chatId, string text) =>
        Fake.WaitUntilAsync(f => f.SentTo(chatId).Any(m => m.Text.Contains(text, StringComparison.Ordinal)), TelegramBot.Patience);

    [Fact]
    public async Task A_user_who_blocked_the_bot_while_it_answered_a_command_is_paused_and_resumes_with_one_tap()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(Alice, Alice, "/subscribe karabakh");
        Assert.True(await SentAsync(Alice, "follow"));

        // The answer to the next command meets "bot was blocked by the user".
        Fake.FailNext(Alice, new FakeFailure.Blocked());
        Fake.EnqueueText(Alice, Alice, "/subscriptions");
        Assert.True(await DbProbe.EventuallyAsync(async () => (await bot.SubscriptionsAsync(Alice, Alice)) is [{ Active: false }]));

        // Unblocked, Alice writes again: the answer says the subscriptions are paused, with a button to resume them.
        Fake.EnqueueText(Alice, Alice, "/start");
        Assert.True(await SentAsync(Alice, "paused"));
        var offer = Fake.SentTo(Alice).Last(m => m.Text.Contains("paused", StringComparison.Ordinal));
        Assert.Contains("Watchbot follows a conflict", offer.Text);
        var rows = offer.Body["reply_markup"]!["inline_keyboard"]!.AsArray();
        var button = rows[^1]![0]!;
        Assert.Equal("Resume subscriptions", button["text"]!.GetValue<string>());

        Fake.EnqueueCallback(Alice, Alice, offer.MessageId, button["callback_data"]!.GetValue<string>());

        Assert.True(await DbProbe.EventuallyAsync(async () => (await bot.SubscriptionsAsync(Alice, Alice)) is [{ Active: true }]));
        Assert.True(await Fake.WaitUntilAsync(f => f.CallsOf("answerCallbackQuery").Count == 1, TelegramBot.Patience));
        Assert.Contains("Resumed 1 subscription", Fake.CallsOf("answerCallbackQuery")[0].Body["text"]!.GetValue<string>());

        // Resumed, the digest comes again and the notice is gone.
        await bot.AddEventAsync("Drone strike near Hadrut");
        Fake.EnqueueText(Alice, Alice, "/digest now");
        Assert.True(await SentAsync(Alice, "Drone strike near Hadrut"));
        Assert.DoesNotContain(Fake.SentTo(Alice).SkipWhile(m => m != offer).Skip(1), m => m.Text.Contains("paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chat_not_found_while_answering_a_group_command_pauses_the_group()
    {
        const long group = -100777;
        await using var bot = await StartWithSubscribedGroupAsync(group);

        Fake.FailNext(group, new FakeFailure.ChatNotFound());
        Fake.EnqueueText(group, GroupAdmin, "/subscriptions", "supergroup");

        Assert.True(await DbProbe.EventuallyAsync(async () => (await bot.SubscriptionsAsync(group)) is [{ Active: false }]));
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_while_a_command_was_answered_moves_and_gets_the_answer_there()
    {
        const long oldGroup = -4343, newGroup = -1004343434343;
        await using var bot = await StartWithSubscribedGroupAsync(oldGroup, "group");

        Fake.FailAlways(oldGroup, new FakeFailure.Migrated(newGroup));
        Fake.EnqueueText(oldGroup, GroupAdmin, "/subscriptions", "group");

        Assert.True(await SentAsync(newGroup, "karabakh"));
        Assert.Single(await bot.SubscriptionsAsync(newGroup));
        Assert.Empty(await bot.SubscriptionsAsync(oldGroup));
    }
}
