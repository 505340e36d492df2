using Watchbot.Core.Commands;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Tests;

/// <summary>Core names no platform: how a person is reached privately is the platform's word, carried by the sender.</summary>
public sealed class CommandSenderTests
{
    private static CommandContext Personal(CommandSender sender) =>
        new(new IncomingCommand(new ChatAddress(sender.Platform, "group-room"), ChatKind.Group, sender, false, "/subscribe karabakh me"),
            "subscribe", ["karabakh"], DateTimeOffset.UnixEpoch, false, false, [], Personal: true);

    [Fact]
    public void A_personal_command_targets_the_private_chat_the_platform_gave_its_sender()
    {
        var sender = new CommandSender("matrix", "@alice:example.org") { PrivateChat = new ChatAddress("matrix", "!direct:example.org") };

        var context = Personal(sender);

        Assert.Equal(new ChatAddress("matrix", "!direct:example.org"), context.TargetChat);
        Assert.Equal("@alice:example.org", context.TargetUser);
        Assert.Equal("matrix:@alice:example.org", context.Actor);
    }

    [Fact]
    public void Without_a_word_from_the_platform_a_persons_private_chat_is_the_chat_with_their_id() =>
        Assert.Equal(new ChatAddress("any", "42"), Personal(new CommandSender("any", "42")).TargetChat);
}
