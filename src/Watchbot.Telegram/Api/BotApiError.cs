namespace Watchbot.Telegram.Api;

/// <summary>A failed Bot API call, classified. Descriptions are Telegram's own words, already redacted.</summary>
public sealed record BotApiError(BotApiErrorKind Kind, int ErrorCode, string Description, TimeSpan? RetryAfter = null, long? MigrateToChatId = null)
{
    /// <summary>Passing failures: the same call may succeed later.</summary>
    public bool IsTransient => Kind is BotApiErrorKind.Flood or BotApiErrorKind.ServerError or BotApiErrorKind.Timeout or BotApiErrorKind.Network;

    /// <summary>The bot can no longer post to the chat.</summary>
    public bool IsChatGone => Kind is BotApiErrorKind.Blocked or BotApiErrorKind.Kicked or BotApiErrorKind.Forbidden or BotApiErrorKind.ChatNotFound;

    /// <summary>Classifies Telegram's error_code and description, with the retry_after and migrate_to_chat_id of its parameters.</summary>
    public static BotApiError Classify(int errorCode, string? description, int? retryAfterSeconds, long? migrateToChatId)
    {
        var text = description ?? $"HTTP {errorCode}";
        var retry = retryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : (TimeSpan?)null;
        if (migrateToChatId is { } newId)
        {
            return new BotApiError(BotApiErrorKind.Migrated, errorCode, text, retry, newId);
        }

        var kind = errorCode switch
        {
            429 => BotApiErrorKind.Flood,
            401 => BotApiErrorKind.Unauthorized,
            409 => BotApiErrorKind.Conflict,
            403 when Has(text, "blocked by the user") || Has(text, "user is deactivated") => BotApiErrorKind.Blocked,
            403 when Has(text, "kicked") || Has(text, "not a member") || Has(text, "chat was deleted") => BotApiErrorKind.Kicked,
            403 => BotApiErrorKind.Forbidden,
            400 when Has(text, "chat not found") => BotApiErrorKind.ChatNotFound,
            400 when Has(text, "message is too long") => BotApiErrorKind.MessageTooLong,
            400 when Has(text, "message is not modified") => BotApiErrorKind.NotModified,
            400 => BotApiErrorKind.BadRequest,
            >= 500 and < 600 => BotApiErrorKind.ServerError,
            _ when retry is not null => BotApiErrorKind.Flood,
            _ => BotApiErrorKind.Other,
        };
        return new BotApiError(kind, errorCode, text, retry);
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{ErrorCode} {Description}";
}
