namespace Watchbot.Telegram.Api;

/// <summary>What a failed Bot API call means for the caller.</summary>
public enum BotApiErrorKind
{
    /// <summary>429 Too Many Requests: wait retry_after.</summary>
    Flood,

    /// <summary>403 "bot was blocked by the user" or "user is deactivated".</summary>
    Blocked,

    /// <summary>403 "bot was kicked from the group chat" or "bot is not a member".</summary>
    Kicked,

    /// <summary>Another 403: the bot may not write there.</summary>
    Forbidden,

    /// <summary>400 "chat not found".</summary>
    ChatNotFound,

    /// <summary>400 "group chat was upgraded to a supergroup chat": migrate_to_chat_id holds the new id.</summary>
    Migrated,

    /// <summary>400 "message is too long".</summary>
    MessageTooLong,

    /// <summary>400 "message is not modified" (an edit that changes nothing).</summary>
    NotModified,

    /// <summary>Any other 400.</summary>
    BadRequest,

    /// <summary>401: the token was refused.</summary>
    Unauthorized,

    /// <summary>409: another getUpdates poller, or a webhook is set.</summary>
    Conflict,

    /// <summary>5xx: Telegram's side; retry with back-off.</summary>
    ServerError,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>The connection failed.</summary>
    Network,

    /// <summary>Anything else (404 for an unknown method, unreadable answers).</summary>
    Other,
}
