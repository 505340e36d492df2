using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>deleteWebhook: back to getUpdates.</summary>
public sealed record DeleteWebhookRequest(bool DropPendingUpdates = false) : IBotRequest<bool>
{
    string IBotRequest<bool>.Method => "deleteWebhook";

    JsonTypeInfo IBotRequest<bool>.RequestInfo => TelegramJson.Default.DeleteWebhookRequest;

    JsonTypeInfo<ApiResponse<bool>> IBotRequest<bool>.ResponseInfo => TelegramJson.Default.ApiResponseBoolean;
}
