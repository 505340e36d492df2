using System.Text;
using Watchbot.Core.Commands;
using Watchbot.Telegram.Receiving;

namespace Watchbot.Telegram.Tests;

public sealed class CallbackDataTests
{
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
    public void Foreign_data_is_not_a_command(string? data) => Assert.Null(CallbackData.Decode(data));

    [Fact]
    public void Subscribing_offers_digest_buttons_that_fit()
    {
        var keyboard = Keyboards.For(CommandLine.Parse("/subscribe karabakh"), CommandReply.Text("You now follow karabakh."));

        var buttons = Assert.Single(keyboard!.InlineKeyboard);
        Assert.Equal(["w1:/digest karabakh now", "w1:/digest karabakh off"], buttons.Select(b => b.CallbackData));
        Assert.All(buttons, b => Assert.True(Encoding.UTF8.GetByteCount(b.CallbackData) <= 64));
    }

    [Fact]
    public void Refusals_get_no_buttons() =>
        Assert.Null(Keyboards.For(CommandLine.Parse("/subscribe karabakh"), CommandReply.Text("Only administrators of this chat can use /subscribe here.", ephemeral: true)));
}
