using System.Text;
using System.Text.Json.Nodes;
using Watchbot.Core.Events;
using Watchbot.Fakes.Telegram;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>Inline keyboards end to end: the real host polls the fake, a person presses buttons, the press runs the
/// command through the router, the message is edited to the new state, and the store changes.</summary>
public sealed class TelegramKeyboardTests : FakeTelegramTest
{
    private static List<(string Text, string Data)> Buttons(JsonObject body) =>
        (body["reply_markup"]?["inline_keyboard"] as JsonArray ?? [])
        .OfType<JsonArray>()
        .SelectMany(row => row.OfType<JsonObject>())
        .Select(b => (b["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()))
        .ToList();

    private async Task<FakeSentMessage> ReplyAsync(long chat, string containing)
    {
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(chat).Any(m => m.Text.Contains(containing, StringComparison.Ordinal)), TelegramBot.Patience),
            $"no reply with '{containing}'; calls:\n{string.Join("\n", Fake.Calls.Select(c => $"{c.Method} {c.Body.ToJsonString()}"))}");
        return Fake.SentTo(chat).Last(m => m.Text.Contains(containing, StringComparison.Ordinal));
    }

    /// <summary>Presses a button and waits until the press is answered; returns the answer's call.</summary>
    private async Task<FakeCall> PressAsync(long chat, long user, long messageId, string data, string chatType = "private")
    {
        var update = Fake.EnqueueCallback(chat, user, messageId, data, chatType);
        var id = "cb" + update;
        Assert.True(await Fake.WaitUntilAsync(f => f.CallsOf("answerCallbackQuery").Any(c => c.Body["callback_query_id"]!.GetValue<string>() == id), TelegramBot.Patience),
            $"the press {id} was not answered");
        return Fake.CallsOf("answerCallbackQuery").Single(c => c.Body["callback_query_id"]!.GetValue<string>() == id);
    }

    /// <summary>What a press said: in its answer when short (Telegram shows at most 200 characters), else in a new message.</summary>
    private bool Told(long chat, FakeCall answer, string text) =>
        answer.Body["text"]?.GetValue<string>() is { } toast
            ? toast.Contains(text, StringComparison.Ordinal)
            : Fake.SentTo(chat).Any(m => m.Text.Contains(text, StringComparison.Ordinal));

    private static string Data(List<(string Text, string Data)> buttons, string label) => buttons.Single(b => b.Text.EndsWith(label, StringComparison.Ordinal)).Data;

    [Fact]
    public async Task Pressing_a_kind_turns_it_off_edits_the_message_and_changes_the_filter()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(Alice, Alice, "/subscribe karabakh");
        await ReplyAsync(Alice, "follow");
        Fake.EnqueueText(Alice, Alice, "/filter karabakh");
        var panel = await ReplyAsync(Alice, "Filters of karabakh");
        var buttons = Buttons(panel.Body);
        Assert.Equal(EventKinds.All.Select(k => "✅ " + k.Label), buttons.Select(b => b.Text));
        Assert.All(buttons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.Data), 1, 64));

        var answer = await PressAsync(Alice, Alice, panel.MessageId, Data(buttons, "Escalation"));

        Assert.Equal("Done.", answer.Body["text"]?.GetValue<string>());
        var edit = Assert.Single(Fake.Edited);
        Assert.Equal(panel.MessageId, edit.MessageId);
        Assert.Contains("kinds=casualties,ceasefire,displacement", edit.Text);
        Assert.Equal(EventKinds.All.Select(k => (k.Kind == EventKind.Escalation ? "⬜ " : "✅ ") + k.Label), Buttons(edit.Body).Select(b => b.Text));
        var kinds = (await bot.SubscriptionsAsync(Alice, Alice)).Single().Filter.Kinds;
        Assert.Equal(EventKinds.All.Select(k => k.Kind).Where(k => k != EventKind.Escalation), kinds);

        // The stale "turn escalation off" button again: nothing changes, nothing to edit, still answered.
        await PressAsync(Alice, Alice, panel.MessageId, Data(buttons, "Escalation"));
        Assert.Single(Fake.Edited);
        Assert.Equal(EventKinds.All.Count - 1, (await bot.SubscriptionsAsync(Alice, Alice)).Single().Filter.Kinds.Count);

        // The edited message's button turns it back on: every kind again, which is no kind filter at all.
        await PressAsync(Alice, Alice, panel.MessageId, Data(Buttons(edit.Body), "Escalation"));
        Assert.Equal(2, Fake.Edited.Count);
        Assert.Empty((await bot.SubscriptionsAsync(Alice, Alice)).Single().Filter.Kinds);
        Assert.All(Buttons(Fake.Edited.Last().Body), b => Assert.StartsWith("✅", b.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_digest_switch_turns_the_daily_digest_off_and_on_again()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(Alice, Alice, "/subscribe karabakh");
        await ReplyAsync(Alice, "follow");
        Fake.EnqueueText(Alice, Alice, "/digest karabakh at 07:30");
        var panel = await ReplyAsync(Alice, "Daily digest of karabakh at 07:30");
        Assert.Equal(["Digest now", "✅ Daily digest"], Buttons(panel.Body).Select(b => b.Text));

        await PressAsync(Alice, Alice, panel.MessageId, Data(Buttons(panel.Body), "Daily digest"));

        Assert.False((await bot.SubscriptionsAsync(Alice, Alice)).Single().Digest.Enabled);
        var off = Assert.Single(Fake.Edited);
        Assert.Contains("is off", off.Text);
        Assert.Equal(["Digest now", "⬜ Daily digest"], Buttons(off.Body).Select(b => b.Text));

        await PressAsync(Alice, Alice, panel.MessageId, Data(Buttons(off.Body), "Daily digest"));

        var on = (await bot.SubscriptionsAsync(Alice, Alice)).Single().Digest;
        Assert.True(on.Enabled);
        Assert.Equal(new TimeOnly(7, 30), on.TimeOfDay);
        Assert.Contains("at 07:30 UTC", Fake.Edited.Last().Text);
    }

    [Fact]
    public async Task A_group_member_pressing_the_admins_kind_button_is_refused_and_nothing_changes()
    {
        const long group = -1005551112223;
        const long admin = 5, member = 6;
        Fake.SetMemberStatus(group, admin, "administrator");
        Fake.SetMemberStatus(group, member, "member");
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(group, admin, "/subscribe karabakh", "supergroup");
        await ReplyAsync(group, "follow");
        Fake.EnqueueText(group, admin, "/filter karabakh", "supergroup");
        var panel = await ReplyAsync(group, "Filters of karabakh");
        var escalation = Data(Buttons(panel.Body), "Escalation");

        var refused = await PressAsync(group, member, panel.MessageId, escalation, "supergroup");

        Assert.Contains("Only administrators", refused.Body["text"]!.GetValue<string>());
        Assert.True(refused.Body["show_alert"]!.GetValue<bool>());
        Assert.Empty(Fake.Edited);
        Assert.Empty((await bot.SubscriptionsAsync(group)).Single().Filter.Kinds);

        await PressAsync(group, admin, panel.MessageId, escalation, "supergroup");

        Assert.Single(Fake.Edited);
        Assert.Equal(EventKinds.All.Count - 1, (await bot.SubscriptionsAsync(group)).Single().Filter.Kinds.Count);
    }

    [Fact]
    public async Task Every_press_is_answered_once_even_stale_foreign_and_refused_ones()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(Alice, Alice, "/subscribe karabakh");
        var reply = await ReplyAsync(Alice, "follow");

        var presses = new[]
        {
            "garbage",
            "w1:",
            "w2:~z karabakh",
            "w1:/filter sahel kinds-=escalation",      // a topic this chat does not follow (any more)
            "w1:/filter karabakh kinds-=battles",      // a kind that does not exist
            "w1:/digest karabakh now",
        };
        var answers = new List<FakeCall>();
        foreach (var data in presses)
        {
            answers.Add(await PressAsync(Alice, Alice, reply.MessageId, data));
        }

        Assert.Equal(presses.Length, Fake.CallsOf("answerCallbackQuery").Count);
        Assert.Equal(presses.Length, Fake.CallsOf("answerCallbackQuery").Select(c => c.Body["callback_query_id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(answers.Take(3), a => Assert.Contains("no longer works", a.Body["text"]!.GetValue<string>()));
        Assert.True(Told(Alice, answers[3], "not follow 'sahel'"));
        Assert.True(Told(Alice, answers[4], "not a kind"));
        Assert.True(Told(Alice, answers[5], "Composing"));
        Assert.Empty(Fake.Edited);
        Assert.Empty((await bot.SubscriptionsAsync(Alice, Alice)).Single().Filter.Kinds);
    }
}
