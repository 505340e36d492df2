using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>getUpdates: long polling. Offset is the last handled update_id + 1; Timeout is in seconds.</summary>
public sealed record GetUpdatesRequest(long? Offset, int Limit, int Timeout, IReadOnlyList<string> AllowedUpdates) : IBotRequest<Update[]>
{
    string IBotRequest<Update[]>.Method => "getUpdates";

    JsonTypeInfo IBotRequest<Update[]>.RequestInfo => TelegramJson.Default.GetUpdatesRequest;

    JsonTypeInfo<ApiResponse<Update[]>> IBotRequest<Update[]>.ResponseInfo => TelegramJson.Default.ApiResponseUpdateArray;
}
