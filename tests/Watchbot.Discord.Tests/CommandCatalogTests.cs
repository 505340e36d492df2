using Watchbot.Core.Commands;
using Watchbot.Discord.Interactions;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Tests;

public sealed class CommandCatalogTests
{
    [Fact]
    public void A_command_that_takes_a_topic_gets_a_required_topic_option_with_autocomplete()
    {
        var command = CommandCatalog.Build(new CommandSpec("subscribe", "/subscribe <topic>", "Follow a topic in this chat", CommandAccess.ChatAdmin));

        var option = Assert.Single(command.Options!);
        Assert.Equal(("topic", true, true), (option.Name, option.Required, option.Autocomplete));
        Assert.Null(command.DefaultMemberPermissions);
    }

    [Fact]
    public void A_command_with_a_free_form_usage_gets_one_arguments_option()
    {
        var command = CommandCatalog.Build(new CommandSpec("digest", "/digest [topic] now | /digest <topic> at HH:MM", "Digest", CommandAccess.ChatAdmin));

        Assert.Equal(["topic", "arguments"], command.Options!.Select(o => o.Name));
        Assert.Null(command.Options![0].Required);
    }

    [Fact]
    public void Admin_commands_are_hidden_from_ordinary_members()
    {
        var command = CommandCatalog.Build(new CommandSpec("admin", "/admin <action> ...", "Curate", CommandAccess.Curator));

        Assert.Equal("32", command.DefaultMemberPermissions);
    }

    [Fact]
    public void Descriptions_are_cut_to_100_characters()
    {
        var command = CommandCatalog.Build(new CommandSpec("help", "/help [command]", new string('d', 150), CommandAccess.Anyone));

        Assert.Equal(100, command.Description.Length);
        Assert.All(command.Options!, o => Assert.InRange(o.Description.Length, 1, 100));
    }

    [Fact]
    public void The_registration_hash_changes_only_when_the_commands_change()
    {
        var a = CommandCatalog.Build([new CommandSpec("topics", "/topics", "Topics", CommandAccess.Anyone)]);
        var b = CommandCatalog.Build([new CommandSpec("topics", "/topics", "Topics", CommandAccess.Anyone)]);
        var c = CommandCatalog.Build([new CommandSpec("topics", "/topics", "All topics", CommandAccess.Anyone)]);

        Assert.Equal(CommandRegistrar.Hash(a), CommandRegistrar.Hash(b));
        Assert.NotEqual(CommandRegistrar.Hash(a), CommandRegistrar.Hash(c));
    }

    [Theory]
    [InlineData("32", true)]
    [InlineData("8", true)]
    [InlineData("2147483648", false)]
    [InlineData("0", false)]
    [InlineData(null, false)]
    public void Chat_admins_have_administrator_or_manage_guild(string? permissions, bool admin) =>
        Assert.Equal(admin, Permissions.IsChatAdmin(permissions));

    [Fact]
    public void An_interaction_becomes_the_command_line_of_its_options_in_order()
    {
        var data = new InteractionData("1", "digest", 1, [
            new InteractionOption("topic", 3, System.Text.Json.JsonDocument.Parse("\"karabakh\"").RootElement),
            new InteractionOption("arguments", 3, System.Text.Json.JsonDocument.Parse("\"at 08:00 tz Asia/Yerevan\"").RootElement),
        ]);

        Assert.Equal("/digest karabakh at 08:00 tz Asia/Yerevan", InteractionCommandText.Line(data));
    }

    [Fact]
    public void A_guild_member_without_manage_guild_is_no_chat_admin_and_a_DM_is_private()
    {
        var guild = InteractionCommandText.ToIncoming(new Interaction("1", "2", 2, "t", new InteractionData("1", "subscribe"), "9", "7",
            new GuildMember(new DiscordUser("5"), "1024")))!;
        var dm = InteractionCommandText.ToIncoming(new Interaction("1", "2", 2, "t", new InteractionData("1", "subscribe"), null, "7", null, new DiscordUser("5")))!;

        Assert.False(guild.IsChatAdmin);
        Assert.Equal(("7", ChatKind.Group), (guild.Chat.ChatId, guild.ChatKind));
        Assert.Equal(("user:5", ChatKind.Private), (dm.Chat.ChatId, dm.ChatKind));
    }

    [Fact]
    public void Options_name_the_setting_and_the_fix()
    {
        var problems = new DiscordOptions { Token = "", ApplicationId = "abc", ShardId = 2, ShardCount = 2 }.Validate();

        Assert.Contains(problems, p => p.Contains("Watchbot__Discord__Token", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Watchbot__Discord__ApplicationId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ShardId", StringComparison.Ordinal));
    }
}
