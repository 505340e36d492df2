using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>answerCallbackQuery: stops the button's spinner; Text (0-200 characters) shows as a toast.</summary>
public sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text = null, bool ShowAlert = false) : IBotRequest<bool>
{
    string IBotRequest<bool>.Method => "answerCallbackQuery";

    JsonTypeInfo IBotRequest<bool>.RequestInfo => TelegramJson.Default.AnswerCallbackQueryRequest;

    JsonTypeInfo<ApiResponse<bool>> IBotRequest<bool>.ResponseInfo => TelegramJson.Default.ApiResponseBoolean;
}
