using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>POST /channels/{channel.id}/messages.</summary>
public sealed class CreateMessageRequest(string channelId, MessageBody body) : DiscordRequest<DiscordMessage>
{
    public override HttpMethod Method => HttpMethod.Post;
    public override string Path => $"channels/{channelId}/messages";
    public override string Route => "POST channels/{channel_id}/messages";
    public override string MajorParameter => channelId;
    public override HttpContent CreateContent() => Json(body, Context.MessageBody);
    public override JsonTypeInfo<DiscordMessage> ResponseType => Context.DiscordMessage;
}
