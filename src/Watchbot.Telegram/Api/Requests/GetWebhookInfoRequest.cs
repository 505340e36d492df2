using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>getWebhookInfo: whether a webhook is set (then getUpdates answers 409).</summary>
public sealed record GetWebhookInfoRequest : IBotRequest<WebhookInfo>
{
    string IBotRequest<WebhookInfo>.Method => "getWebhookInfo";

    JsonTypeInfo IBotRequest<WebhookInfo>.RequestInfo => TelegramJson.Default.GetWebhookInfoRequest;

    JsonTypeInfo<ApiResponse<WebhookInfo>> IBotRequest<WebhookInfo>.ResponseInfo => TelegramJson.Default.ApiResponseWebhookInfo;
}
