using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>GET /gateway/bot: the gateway URL, the recommended shards and the session start limit.</summary>
public sealed class GetGatewayBotRequest : DiscordRequest<GatewayBot>
{
    public override HttpMethod Method => HttpMethod.Get;
    public override string Path => "gateway/bot";
    public override string Route => "GET gateway/bot";
    public override JsonTypeInfo<GatewayBot> ResponseType => Context.GatewayBot;
}
