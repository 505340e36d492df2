namespace Watchbot.Telegram.Api.Types;

/// <summary>One incoming update; at most one of the optional fields is set.</summary>
public sealed record Update
{
    public long UpdateId { get; init; }
    public Message? Message { get; init; }
    public CallbackQuery? CallbackQuery { get; init; }
    public ChatMemberUpdated? MyChatMember { get; init; }

    /// <summary>The update kinds this bot asks for.</summary>
    public static readonly string[] Wanted = ["message", "callback_query", "my_chat_member"];
}
