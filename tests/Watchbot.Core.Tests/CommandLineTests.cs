using Watchbot.Core.Commands;

namespace Watchbot.Core.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("/subscribe karabakh", "subscribe", "karabakh")]
    [InlineData("/Subscribe   KARABAKH  ", "subscribe", "KARABAKH")]
    [InlineData("/subscribe@WatchBot karabakh", "subscribe", "karabakh")]
    [InlineData("/digest karabakh at 08:00 tz Asia/Yerevan", "digest", "karabakh|at|08:00|tz|Asia/Yerevan")]
    [InlineData("/admin topic add sahel \"Conflict in the Sahel\"", "admin", "topic|add|sahel|Conflict in the Sahel")]
    [InlineData("/help", "help", "")]
    [InlineData("/topics\u0007\u0000", "topics", "")]
    [InlineData("/filter karabakh\ninclude=drone", "filter", "karabakh|include=drone")]
    public void A_command_line_is_split_into_name_and_arguments(string text, string name, string args)
    {
        var parsed = CommandLine.Parse(text, "WatchBot");

        Assert.Equal(ParseOutcome.Command, parsed.Outcome);
        Assert.Equal(name, parsed.Name);
        Assert.Equal(args, string.Join("|", parsed.Args));
    }

    [Theory]
    [InlineData("/subscribe@OtherBot karabakh", ParseOutcome.ForAnotherBot)]
    [InlineData("hello there", ParseOutcome.NotACommand)]
    [InlineData("", ParseOutcome.NotACommand)]
    [InlineData("   ", ParseOutcome.NotACommand)]
    [InlineData("/", ParseOutcome.NotACommand)]
    [InlineData("/<b>bold</b>", ParseOutcome.NotACommand)]
    [InlineData("/sübscribe", ParseOutcome.NotACommand)]
    public void Lines_that_are_not_commands_for_this_bot_are_told_apart(string text, ParseOutcome outcome)
    {
        Assert.Equal(outcome, CommandLine.Parse(text, "WatchBot").Outcome);
    }

    [Fact]
    public void A_line_of_ten_thousand_characters_is_too_long()
    {
        Assert.Equal(ParseOutcome.TooLong, CommandLine.Parse("/subscribe " + new string('x', 10_000)).Outcome);
    }

    [Fact]
    public void Arguments_beyond_the_limit_are_dropped()
    {
        var parsed = CommandLine.Parse("/filter " + string.Join(' ', Enumerable.Repeat("a", 500)));

        Assert.Equal(CommandLine.MaxArgs, parsed.Args.Count);
    }
}
