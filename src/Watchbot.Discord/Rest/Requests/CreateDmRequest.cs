using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>POST /users/@me/channels: opens (or returns) the DM channel with a user.</summary>
public sealed class CreateDmRequest(string userId) : DiscordRequest<DiscordChannel>
{
    public override HttpMethod Method => HttpMethod.Post;
    public override string Path => "users/@me/channels";
    public override string Route => "POST users/@me/channels";
    public override HttpContent CreateContent() => Json(new CreateDmBody(userId), Context.CreateDmBody);
    public override JsonTypeInfo<DiscordChannel> ResponseType => Context.DiscordChannel;
}
