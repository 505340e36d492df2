using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>setMyCommands: the command menu for a scope.</summary>
public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, BotCommandScope? Scope = null) : IBotRequest<bool>
{
    string IBotRequest<bool>.Method => "setMyCommands";

    JsonTypeInfo IBotRequest<bool>.RequestInfo => TelegramJson.Default.SetMyCommandsRequest;

    JsonTypeInfo<ApiResponse<bool>> IBotRequest<bool>.ResponseInfo => TelegramJson.Default.ApiResponseBoolean;
}
