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

        var option = command.Options![0];
        Assert.Equal(("topic", OptionType.String, true, true), (option.Name, option.Type, option.Required, option.Autocomplete));
        Assert.Equal(("me", OptionType.Boolean), (command.Options[1].Name, command.Options[1].Type));
        Assert.Null(command.DefaultMemberPermissions);
    }

    [Fact]
    public void A_command_the_shapes_do_not_know_gets_a_topic_and_one_free_arguments_option()
    {
        var command = CommandCatalog.Build(new CommandSpec("watch", "/watch [topic] now | /watch <topic> at HH:MM", "Watch", CommandAccess.ChatAdmin));

        Assert.Equal(["topic", "arguments"], command.Options!.Select(o => o.Name));
        Assert.Null(command.Options![0].Required);
    }

    public static TheoryData<string, string, int, string> TypedOptions => new()
    {
        // command, option, type, choices or bounds
        { "alerts", "state", OptionType.String, "on,off" },
        { "alerts", "severity", OptionType.Integer, "1..5" },
        { "alerts", "me", OptionType.Boolean, "" },
        { "digest", "action", OptionType.String, "now,on,off,chart-on,chart-off" },
        { "digest", "time", OptionType.String, "" },
        { "filter", "severity", OptionType.Integer, "1..5" },
        { "snooze", "length", OptionType.String, "30m,1h,2h,4h,8h,12h,1d,2d,7d,14d,off" },
        { "latest", "count", OptionType.Integer, "1..20" },
        { "event", "id", OptionType.Integer, "1.." },
        { "help", "command", OptionType.String, "admin,alerts,digest,event,help,latest,snooze,subscribe" },
        { "admin", "action", OptionType.String, "approve,grant,reject" },
        { "quiet", "hours", OptionType.String, "" },
    };

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public void Options_are_typed_with_choices_where_the_values_are_fixed(string name, string option, int type, string rule)
    {
        string[] names = ["admin", "alerts", "digest", "event", "filter", "help", "latest", "quiet", "snooze", "subscribe"];
        var commands = CommandCatalog.Build(names.Select(n => new CommandSpec(n, n == "admin" ? "/admin <approve|grant|reject> ..." : "/" + n, n, CommandAccess.Anyone)));
        var found = Assert.Single(Assert.Single(commands, c => c.Name == name).Options!, o => o.Name == option);

        Assert.Equal(type, found.Type);
        Assert.InRange(found.Description.Length, 1, 100);
        if (rule.Contains("..", StringComparison.Ordinal))
        {
            var bounds = rule.Split("..");
            Assert.Equal(int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture), found.MinValue);
            Assert.Equal(bounds[1].Length == 0 ? null : int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture), found.MaxValue);
        }
        else if (rule.Length > 0 && name != "help")
        {
            Assert.Equal(rule.Split(','), found.Choices!.Select(c => c.Value));
        }
        else if (name == "help")
        {
            Assert.Subset(found.Choices!.Select(c => c.Value).ToHashSet(), rule.Split(',').ToHashSet());
        }
        else
        {
            Assert.Null(found.Choices);
        }
    }

    [Fact]
    public void Every_command_lists_its_required_options_first_and_keeps_discords_limits()
    {
        var names = new[] { "admin", "alerts", "digest", "event", "export", "filter", "help", "import", "latest", "quiet", "snooze", "start", "status", "subscribe", "subscriptions", "topics", "unsubscribe" };
        var commands = CommandCatalog.Build(names.Select(n => new CommandSpec(n, "/" + n, n, CommandAccess.Anyone)));

        Assert.All(commands, c =>
        {
            var options = c.Options ?? [];
            Assert.InRange(options.Count, 0, 25);
            var firstOptional = options.FindIndex(o => o.Required != true);
            Assert.True(firstOptional < 0 || options.Skip(firstOptional).All(o => o.Required != true), $"/{c.Name} has a required option after an optional one");
            Assert.All(options, o => Assert.True(CommandCatalog.IsValidName(o.Name), o.Name));
            Assert.All(options, o => Assert.InRange(o.Choices?.Count ?? 0, 0, 25));
        });
    }

    public static TheoryData<string, string, string> Lines => new()
    {
        { "alerts", "topic=karabakh;state=on;severity=4;me=true", "/alerts me karabakh on severity>=4" },
        { "alerts", "state=off;topic=karabakh", "/alerts karabakh off" },
        { "digest", "topic=karabakh;time=08:00;tz=Asia/Yerevan", "/digest karabakh at 08:00 tz Asia/Yerevan" },
        { "digest", "action=now", "/digest now" },
        { "digest", "topic=karabakh;action=off;me=false", "/digest karabakh off" },
        { "digest", "topic=karabakh;action=chart-off", "/digest karabakh chart-off" },
        { "filter", "topic=karabakh;criteria=kinds=casualties places=Shusha;severity=3", "/filter karabakh kinds=casualties places=Shusha severity>=3" },
        { "quiet", "hours=22:00-07:00;tz=Europe/Berlin;me=true", "/quiet me 22:00-07:00 tz Europe/Berlin" },
        { "snooze", "length=8h", "/snooze 8h" },
        { "latest", "topic=karabakh;count=10", "/latest karabakh 10" },
        { "event", "id=42", "/event 42" },
        { "admin", "action=edit;arguments=1 severity=5", "/admin edit 1 severity=5" },
        { "subscribe", "topic=south caucasus", "/subscribe \"south caucasus\"" },
        { "help", "command=digest", "/help digest" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Typed_options_become_the_routers_command_line_whatever_order_they_come_in(string name, string options, string line)
    {
        var given = options.Split(';').Select(pair => pair.Split('=', 2)).Select(p => new InteractionOption(p[0],
            p[1] is "true" or "false" ? OptionType.Boolean : long.TryParse(p[1], out _) && p[0] != "topic" ? OptionType.Integer : OptionType.String,
            System.Text.Json.JsonDocument.Parse(p[1] is "true" or "false" || (long.TryParse(p[1], out _) && p[0] != "topic") ? p[1] : System.Text.Json.JsonSerializer.Serialize(p[1])).RootElement)).ToList();

        Assert.Equal(line, InteractionCommandText.Line(new InteractionData("1", name, 1, given)));
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
        var data = new InteractionData("1", "watch", 1, [
            new InteractionOption("topic", 3, System.Text.Json.JsonDocument.Parse("\"karabakh\"").RootElement),
            new InteractionOption("arguments", 3, System.Text.Json.JsonDocument.Parse("\"at 08:00 tz Asia/Yerevan\"").RootElement),
        ]);

        Assert.Equal("/watch karabakh at 08:00 tz Asia/Yerevan", InteractionCommandText.Line(data));
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
        var problems = DiscordOptionsValidator.Problems(new DiscordOptions { Token = "", ApplicationId = "abc", ShardId = 2, ShardCount = 2 });

        Assert.Contains(problems, p => p.Contains("Watchbot__Discord__Token", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Watchbot__Discord__ApplicationId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ShardId", StringComparison.Ordinal));
    }
}
