using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>The whole bot against a fake Bot API server: real host, real HTTP, real SQLite. What every platform promises
/// (subscribing, the digest, a rate limit on it, a chat gone, admin-only changes in a group) is in Platforms/PlatformEndToEndTests; these flows are
/// Telegram's own.</summary>
public sealed class TelegramEndToEndTests : FakeTelegramTest
{
    /// <summary>Waits (bounded) for a message holding the text; on failure says what was sent instead.</summary>
    private async Task<bool> SentAsync(long chatId, string text, int times = 1)
    {
        if (await Fake.WaitUntilAsync(f => f.SentTo(chatId).Count(m => m.Text.Contains(text, StringComparison.Ordinal)) >= times, TelegramBot.Patience))
        {
            return true;
        }

        var calls = string.Join("\n", Fake.Calls.Select(c => $"{c.Method} {c.Body.ToJsonString()}"));
        throw new Xunit.Sdk.XunitException($"No message with '{text}' reached chat {chatId}. Calls:\n{calls}");
    }

    // Telegram only: the getUpdates offset; Discord resumes a gateway session instead (DiscordEndToEndTests).
    [Fact]
    public async Task A_restart_resumes_at_the_stored_offset_neither_skipping_nor_repeating()
    {
        long first;
        await using (var bot = await TelegramBot.StartAsync(Db, Fake))
        {
            first = Fake.EnqueueText(Alice, Alice, "/start");
            Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Count == 1, TelegramBot.Patience));
        }

        var callsBefore = Fake.CallsOf("getUpdates").Count;
        var second = Fake.EnqueueText(Alice, Alice, "/topics");
        await using (var bot = await TelegramBot.StartAsync(Db, Fake))
        {
            Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Count == 2, TelegramBot.Patience));
            var resumedAt = Fake.CallsOf("getUpdates").Skip(callsBefore).First().Body["offset"]!.GetValue<long>();
            Assert.Equal(first + 1, resumedAt);
        }

        // Read once the host has stopped: the reply can reach the fake a moment before the offset is written.
        Assert.Equal(second + 1, await OffsetAsync());
        Assert.Equal(2, Fake.SentTo(Alice).Count);
    }

    // Telegram only: the update offset recorded at stop; Discord has no offset to record.
    /// <summary>The reply has reached Telegram but its answer is still on the way back when the host is stopped:
    /// the update is finished and recorded, so the next start neither repeats the command nor loses the next one.</summary>
    [Fact]
    public async Task A_stop_while_a_reply_is_answered_late_still_records_the_update()
    {
        long first;
        await using (var bot = await TelegramBot.StartAsync(Db, Fake))
        {
            Fake.FailNext(Alice, new FakeFailure.LateAnswer(TimeSpan.FromSeconds(1)));
            first = Fake.EnqueueText(Alice, Alice, "/start");
            Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Count == 1, TelegramBot.Patience));
        }

        Assert.Equal(first + 1, await OffsetAsync());
        var second = Fake.EnqueueText(Alice, Alice, "/topics");
        await using (var bot = await TelegramBot.StartAsync(Db, Fake))
        {
            Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Count == 2, TelegramBot.Patience));
        }

        Assert.Equal(second + 1, await OffsetAsync());
        Assert.Contains("topics", Fake.SentTo(Alice)[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Fake.SentTo(Alice).Count);
    }

    private async Task<long> OffsetAsync()
    {
        var store = new Watchbot.Storage.SqliteStore(Db);
        var offset = (await store.Cursors.GetAsync("telegram.offset", CancellationToken.None)).Value;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return offset;
    }

    // Telegram only: a flood is answered once here; Discord must answer every interaction, each with a private reminder.
    [Fact]
    public async Task A_flood_from_one_person_gets_one_polite_reply_and_another_person_is_still_answered()
    {
        const long flooder = 7001, other = 7002;
        await using var bot = await TelegramBot.StartAsync(Db, Fake);

        long last = 0;
        for (var i = 0; i < 300; i++)
        {
            last = Fake.EnqueueText(flooder, flooder, "/topics");
        }

        Fake.EnqueueText(other, other, "/topics");
        Assert.True(await SentAsync(other, "karabakh"));
        Assert.True(await Fake.WaitUntilAsync(f => f.CallsOf("getUpdates").Any(c => c.Body["offset"]?.GetValue<long>() > last), TelegramBot.Patience));

        var toFlooder = Fake.SentTo(flooder);
        var warnings = toFlooder.Count(m => m.Text.StartsWith("You are sending commands faster", StringComparison.Ordinal));
        // Counted by Telegram's send time: the burst of 8 and one polite reply, perhaps one more of each if the flood
        // straddles a refill; never one answer for each of the 300, however long the answers take to go out.
        Assert.InRange(warnings, 1, 2);
        Assert.InRange(toFlooder.Count, 9, 12);
    }

    // Telegram only: addressing a bot by @name in a group and asking Telegram who is an admin have no Discord counterpart.
    [Fact]
    public async Task In_a_group_only_commands_to_this_bot_are_answered_and_the_sender_is_checked_as_an_admin()
    {
        const long group = -1001234567890;
        const long admin = 5, member = 6;
        Fake.SetMemberStatus(group, admin, "administrator");
        Fake.SetMemberStatus(group, member, "member");
        await using var bot = await TelegramBot.StartAsync(Db, Fake);

        Fake.EnqueueText(group, member, "just chatting about karabakh", "supergroup");
        Fake.EnqueueText(group, admin, "/subscribe@SomeOtherBot karabakh", "supergroup");
        Fake.EnqueueText(group, admin, $"/subscribe@{Fake.BotUsername} karabakh", "supergroup");

        Assert.True(await SentAsync(group, "follow"));
        Assert.Single(await bot.SubscriptionsAsync(group));
        Assert.Single(Fake.SentTo(group));
        Assert.Contains(Fake.CallsOf("getChatMember"), c => c.Body["user_id"]!.GetValue<long>() == admin);
    }

    // Telegram only: inline buttons and callback queries; the Discord bot has no buttons.
    [Fact]
    public async Task A_member_pressing_an_admin_button_is_refused_and_every_press_is_answered()
    {
        const long group = -1009998887776;
        await using var bot = await StartWithSubscribedGroupAsync(group, adminStatus: "creator");
        var keyboardMessage = Fake.SentTo(group).Single().MessageId;

        Fake.EnqueueCallback(group, 6, keyboardMessage, "w1:/digest karabakh off", "supergroup");
        Fake.EnqueueCallback(group, 5, keyboardMessage, "w1:/digest karabakh off", "supergroup");
        Fake.EnqueueCallback(group, 5, keyboardMessage, "garbage", "supergroup");

        Assert.True(await Fake.WaitUntilAsync(f => f.CallsOf("answerCallbackQuery").Count == 3, TelegramBot.Patience));
        var answers = Fake.CallsOf("answerCallbackQuery");
        Assert.Contains("Only administrators", answers[0].Body["text"]!.GetValue<string>());
        Assert.Single(Fake.CallsOf("editMessageText"));
        Assert.False((await bot.SubscriptionsAsync(group)).Single().Digest.Enabled);
    }

    // Telegram only: a group upgraded to a supergroup changes its id; Discord channels keep theirs.
    [Fact]
    public async Task A_migrated_group_moves_its_subscription_and_gets_the_digest_at_the_new_id()
    {
        const long oldGroup = -4242, newGroup = -1004242424242;
        await using var bot = await StartWithSubscribedGroupAsync(oldGroup, "group");
        await bot.AddEventAsync("Artillery duel along the line of contact");
        Fake.EnqueueText(oldGroup, 5, "/digest now", "group");
        Assert.True(await SentAsync(oldGroup, "Composing"));
        Fake.FailAlways(oldGroup, new FakeFailure.Migrated(newGroup));

        Assert.True(await SentAsync(newGroup, "Artillery duel along the line of contact"));
        Assert.Single(await bot.SubscriptionsAsync(newGroup));
    }
}
