using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>getChatAdministrators: the administrators of a group (bots other than this one are left out).</summary>
public sealed record GetChatAdministratorsRequest(long ChatId) : IBotRequest<ChatMember[]>
{
    string IBotRequest<ChatMember[]>.Method => "getChatAdministrators";

    JsonTypeInfo IBotRequest<ChatMember[]>.RequestInfo => TelegramJson.Default.GetChatAdministratorsRequest;

    JsonTypeInfo<ApiResponse<ChatMember[]>> IBotRequest<ChatMember[]>.ResponseInfo => TelegramJson.Default.ApiResponseChatMemberArray;
}
