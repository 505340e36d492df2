using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>editMessageText: replaces the text (and keyboard) of a message the bot sent.</summary>
public sealed record EditMessageTextRequest(long ChatId, long MessageId, string Text, string? ParseMode = "HTML", LinkPreviewOptions? LinkPreviewOptions = null, InlineKeyboardMarkup? ReplyMarkup = null) : IBotRequest<Message>
{
    string IBotRequest<Message>.Method => "editMessageText";

    JsonTypeInfo IBotRequest<Message>.RequestInfo => TelegramJson.Default.EditMessageTextRequest;

    JsonTypeInfo<ApiResponse<Message>> IBotRequest<Message>.ResponseInfo => TelegramJson.Default.ApiResponseMessage;
}
