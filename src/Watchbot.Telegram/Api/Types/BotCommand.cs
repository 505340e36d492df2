namespace Watchbot.Telegram.Api.Types;

/// <summary>A menu entry: command is 1-32 of a-z, 0-9 and _; description 1-256 characters.</summary>
public sealed record BotCommand(string Command, string Description);

/// <summary>Who sees a command list: "default", "all_private_chats", "all_group_chats", "all_chat_administrators".</summary>
public sealed record BotCommandScope(string Type)
{
    public static BotCommandScope Default { get; } = new("default");
    public static BotCommandScope AllPrivateChats { get; } = new("all_private_chats");
    public static BotCommandScope AllChatAdministrators { get; } = new("all_chat_administrators");
}
