using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands;

public enum ChatKind { Private, Group }

/// <summary>Who sent a command. <see cref="Key"/> ("platform:42") is how owners and curators are listed.</summary>
public sealed record CommandSender(string Platform, string UserId, string? Name = null)
{
    public string Key => $"{Platform}:{UserId}";

    /// <summary>Where this person's own messages go: their private chat with the bot, as their platform reaches it.
    /// Unless the platform's receiver says otherwise, it is the chat whose id is the person's id.</summary>
    public ChatAddress PrivateChat { get; init; } = new(Platform, UserId);
}

/// <summary>A line of text from a chat, as the platform's receiver hands it over.
/// <paramref name="IsChatAdmin"/> is the platform's own word (Telegram creator/administrator, Discord MANAGE_GUILD).</summary>
public sealed record IncomingCommand(ChatAddress Chat, ChatKind ChatKind, CommandSender Sender, bool IsChatAdmin, string Text)
{
    /// <summary>When the person sent it, where the platform says (Telegram's message date). Flood control counts by
    /// it, so a flood still waiting behind its own slow replies is seen as the burst it was, not spread over the
    /// time it takes to answer.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>True for the local console: one person at a keyboard or a script, answered one line after the other,
    /// so each line waits its turn and none is dropped by flood control.</summary>
    public bool Local { get; init; }
}
