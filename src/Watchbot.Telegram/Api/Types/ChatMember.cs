namespace Watchbot.Telegram.Api.Types;

/// <summary>A chat member; status is "creator", "administrator", "member", "restricted", "left" or "kicked".</summary>
public sealed record ChatMember
{
    public string Status { get; init; } = "";
    public User? User { get; init; }

    public bool IsAdmin => Status is "creator" or "administrator";
}

/// <summary>The bot's own membership changed (added to a group, removed, blocked in a private chat).</summary>
public sealed record ChatMemberUpdated
{
    public required Chat Chat { get; init; }
    public User? From { get; init; }
    public ChatMember? NewChatMember { get; init; }
}
