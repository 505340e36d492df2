namespace Watchbot.Telegram.Api;

/// <summary>A Bot API call failed. The message never holds the token; no inner exception is kept, because
/// the HTTP stack's own messages may carry the request address.</summary>
public sealed class TelegramApiException(string method, BotApiError error)
    : Exception($"Telegram {method} failed: {error.Kind} ({error.ErrorCode} {error.Description})")
{
    public string Method { get; } = method;

    public BotApiError Error { get; } = error;
}
