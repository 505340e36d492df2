namespace Watchbot.Telegram.Api.Types;

public sealed record Message
{
    public long MessageId { get; init; }
    public User? From { get; init; }

    /// <summary>Set when a group's anonymous admin (or a channel) speaks: then it is the chat itself.</summary>
    public Chat? SenderChat { get; init; }

    public required Chat Chat { get; init; }
    public long Date { get; init; }
    public string? Text { get; init; }

    /// <summary>The group became a supergroup with this id (a service message in the old group).</summary>
    public long? MigrateToChatId { get; init; }

    public long? MigrateFromChatId { get; init; }
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}
