using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>getChatMember: one member's status in a chat.</summary>
public sealed record GetChatMemberRequest(long ChatId, long UserId) : IBotRequest<ChatMember>
{
    string IBotRequest<ChatMember>.Method => "getChatMember";

    JsonTypeInfo IBotRequest<ChatMember>.RequestInfo => TelegramJson.Default.GetChatMemberRequest;

    JsonTypeInfo<ApiResponse<ChatMember>> IBotRequest<ChatMember>.ResponseInfo => TelegramJson.Default.ApiResponseChatMember;
}
