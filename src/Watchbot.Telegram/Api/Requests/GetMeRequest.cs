using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>getMe: the bot's own user, whose username is the @name commands may carry.</summary>
public sealed record GetMeRequest : IBotRequest<User>
{
    string IBotRequest<User>.Method => "getMe";

    JsonTypeInfo IBotRequest<User>.RequestInfo => TelegramJson.Default.GetMeRequest;

    JsonTypeInfo<ApiResponse<User>> IBotRequest<User>.ResponseInfo => TelegramJson.Default.ApiResponseUser;
}
