using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>sendMessage: 1-4096 characters after entities parsing.</summary>
public sealed record SendMessageRequest(long ChatId, string Text, string? ParseMode = "HTML", LinkPreviewOptions? LinkPreviewOptions = null, ReplyParameters? ReplyParameters = null, InlineKeyboardMarkup? ReplyMarkup = null) : IBotRequest<Message>
{
    string IBotRequest<Message>.Method => "sendMessage";

    JsonTypeInfo IBotRequest<Message>.RequestInfo => TelegramJson.Default.SendMessageRequest;

    JsonTypeInfo<ApiResponse<Message>> IBotRequest<Message>.ResponseInfo => TelegramJson.Default.ApiResponseMessage;
}
