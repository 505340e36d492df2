using System.Text;
using Watchbot.Core.Commands;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Telegram.Receiving;

namespace Watchbot.Telegram.Tests;

public sealed class CallbackDataTests
{
    [Fact]
    public void A_short_command_is_carried_as_it_is() =>
        Assert.Equal("w1:/digest karabakh now", CallbackData.Encode("/digest karabakh now"));

    [Fact]
    public void A_command_round_trips_through_callback_data() =>
        Assert.Equal("/digest karabakh now", CallbackData.Decode(CallbackData.Encode("/digest karabakh now")));

    [Fact]
    public void Data_longer_than_64_bytes_is_never_made() =>
        Assert.Null(CallbackData.Encode("/digest " + new string('ü', 40) + " now"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("other-bot-data")]
    [InlineData("w1:no-slash")]
    [InlineData("w1:/")]
    [InlineData("w2:~z karabakh")]
    [InlineData("w2:~ab karabakh")]
    [InlineData("w2:plain words")]
    public void Foreign_or_stale_data_is_not_a_command(string? data) => Assert.Null(CallbackData.Decode(data));

    public static TheoryData<string, string> EveryButtonWatchbotMakes()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (var topic in new[] { "k", "karabakh", "nagorno-karabakh-2020", new string('z', 40), "a-" + new string('9', 38) })
        {
            foreach (var scope in new[] { "", " me" })
            {
                foreach (var kinds in new[] { "", "escalation", "casualties,ceasefire" })
                {
                    foreach (var enabled in new[] { true, false })
                    {
                        var subscription = Subscription(topic, kinds, enabled);
                        var rows = SubscriptionActions.Kinds(subscription, scope)
                            .Concat(SubscriptionActions.AfterSubscribe(subscription, scope))
                            .Append([SubscriptionActions.DigestSwitch(subscription, scope, "Daily digest of " + topic)]);
                        foreach (var action in rows.SelectMany(r => r).Where(a => seen.Add((a.Command, a.Label))))
                        {
                            data.Add(action.Command, action.Label);
                        }
                    }
                }
            }
        }

        return data;
    }

    /// <summary>Every button the handlers make, for topic names up to the longest allowed (40 characters), in a
    /// private chat and with "me" in a group: each fits in 64 bytes and comes back as the same command.</summary>
    [Theory]
    [MemberData(nameof(EveryButtonWatchbotMakes))]
    public void Every_button_watchbot_makes_fits_in_64_bytes_and_round_trips(string command, string label)
    {
        var data = CallbackData.Encode(command);

        Assert.NotNull(data);
        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, CallbackData.MaxBytes);
        Assert.Equal(command, CallbackData.Decode(data));
        Assert.NotEmpty(label);
    }

    [Fact]
    public void A_long_topic_is_carried_in_the_compact_form()
    {
        var command = $"/filter {new string('z', 40)} me kinds-=displacement";

        var data = CallbackData.Encode(command)!;

        Assert.StartsWith("w2:", data, StringComparison.Ordinal);
        Assert.Equal(command, CallbackData.Decode(data));
    }

    [Fact]
    public void A_kind_switch_on_a_long_topic_fits_by_writing_its_prefix_short()
    {
        var line = $"/filter {new string('z', 40)} me kinds-=prisoners";

        var data = CallbackData.Encode(line);

        Assert.NotNull(data);
        Assert.Contains("~-prisoners", data, StringComparison.Ordinal);
        Assert.Equal(line, CallbackData.Decode(data));
    }

    [Fact]
    public void Switches_show_their_state_and_carry_the_command_that_flips_it()
    {
        var subscription = Subscription("karabakh", "escalation,ceasefire", enabled: true);
        var reply = CommandReply.Text("Filters of karabakh").WithActions(SubscriptionActions.Kinds(subscription, ""));

        var keyboard = Keyboards.For(reply.Message)!;

        Assert.Equal(3, keyboard.InlineKeyboard.Count());
        Assert.Equal(
            [
                ("✅ Escalation", "w1:/filter karabakh kinds-=escalation"),
                ("⬜ Casualties", "w1:/filter karabakh kinds+=casualties"),
                ("✅ Ceasefire", "w1:/filter karabakh kinds-=ceasefire"),
                ("⬜ Displacement", "w1:/filter karabakh kinds+=displacement"),
                ("⬜ Prisoners", "w1:/filter karabakh kinds+=prisoners"),
            ],
            keyboard.InlineKeyboard.SelectMany(r => r).Select(b => (b.Text, b.CallbackData)));
    }

    [Theory]
    [InlineData(true, "✅ Daily digest", "w1:/digest karabakh off")]
    [InlineData(false, "⬜ Daily digest", "w1:/digest karabakh on")]
    public void The_digest_switch_turns_it_the_other_way(bool enabled, string label, string data)
    {
        var reply = CommandReply.Text("Daily digest").WithActions([SubscriptionActions.Digest(Subscription("karabakh", "", enabled), "")]);

        var row = Assert.Single(Keyboards.For(reply.Message)!.InlineKeyboard).ToList();

        Assert.Equal(("Digest now", "w1:/digest karabakh now"), (row[0].Text, row[0].CallbackData));
        Assert.Equal((label, data), (row[1].Text, row[1].CallbackData));
    }

    [Fact]
    public void A_message_without_actions_gets_no_keyboard() =>
        Assert.Null(Keyboards.For(OutgoingMessage.Reply("Only administrators of this chat can use /subscribe here.")));

    [Fact]
    public void A_button_whose_command_cannot_fit_is_left_out_and_the_rest_stay()
    {
        var message = OutgoingMessage.Reply("x") with
        {
            Actions = [[new MessageAction("Too long", "/filter " + new string('ü', 40)), new MessageAction("Fine", "/topics")]],
        };

        var button = Assert.Single(Assert.Single(Keyboards.For(message)!.InlineKeyboard));

        Assert.Equal("w1:/topics", button.CallbackData);
    }

    private static Subscription Subscription(string topic, string kinds, bool enabled) => new()
    {
        Chat = new ChatAddress("telegram", "42"),
        Topic = topic,
        Filter = new SubscriptionFilter { Kinds = kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Core.Events.EventNames.Parse<Core.Events.EventKind>).ToList() },
        Digest = DigestSchedule.Default with { Enabled = enabled },
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
