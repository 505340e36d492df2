using Watchbot.Core.Commands;
using Watchbot.Core.Messages;

namespace Watchbot.Core.Tests;

/// <summary>Regressions from fuzzing the router: lone surrogates reached replies, and clips cut emoji in half.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\uD800b", "a\\uFFFDb")]
    [InlineData("\\uDC00", "\\uFFFD")]
    [InlineData("x\\uD83D", "x\\uFFFD")]
    [InlineData("\\uDE00\\uD83D", "\\uFFFD\\uFFFD")]
    [InlineData("flag 🇦🇲 stays", "flag 🇦🇲 stays")]
    public void Repair_replaces_each_lone_surrogate_and_keeps_every_pair(string text, string expected) =>
        Assert.Equal(Unescape(expected), SafeText.Repair(Unescape(text)));

    /// <summary>Lone surrogates cannot live in attribute arguments (they are stored as UTF-8), so the data is escaped.</summary>
    private static string Unescape(string text) => System.Text.RegularExpressions.Regex.Unescape(text);

    [Theory]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("ab😀cd", 3, "ab")]
    [InlineData("ab😀cd", 4, "ab😀")]
    [InlineData("😀", 1, "")]
    [InlineData("ab", 5, "ab")]
    public void Prefix_never_ends_between_the_halves_of_a_pair(string text, int length, string expected) =>
        Assert.Equal(expected, SafeText.Prefix(text, length));

    [Fact]
    public void Clip_of_a_line_of_emoji_is_whole_emoji_and_an_ellipsis()
    {
        var clipped = SafeText.Clip(string.Concat(Enumerable.Repeat("😀", 50)), 40);

        Assert.True(clipped.Length <= 40);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
        Assert.Equal(clipped, SafeText.Repair(clipped));
    }

    [Fact]
    public void A_command_line_with_a_lone_surrogate_parses_to_arguments_without_one()
    {
        var parsed = CommandLine.Parse("/filter kara" + '\uD800' + "bakh");

        Assert.Equal(["kara\uFFFDbakh"], parsed.Args);
        Assert.Equal("kara\uFFFDbakh", parsed.RawArgs);
    }
}
