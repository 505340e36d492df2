using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>setWebhook: Telegram posts updates to Url with X-Telegram-Bot-Api-Secret-Token: SecretToken.</summary>
public sealed record SetWebhookRequest(string Url, string? SecretToken, IReadOnlyList<string> AllowedUpdates, bool DropPendingUpdates = false) : IBotRequest<bool>
{
    string IBotRequest<bool>.Method => "setWebhook";

    JsonTypeInfo IBotRequest<bool>.RequestInfo => TelegramJson.Default.SetWebhookRequest;

    JsonTypeInfo<ApiResponse<bool>> IBotRequest<bool>.ResponseInfo => TelegramJson.Default.ApiResponseBoolean;
}
