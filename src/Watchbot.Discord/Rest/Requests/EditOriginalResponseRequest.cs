using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>PATCH /webhooks/{application.id}/{interaction.token}/messages/@original: completes a deferred answer.</summary>
public sealed class EditOriginalResponseRequest(string applicationId, string interactionToken, MessageBody body) : DiscordRequest<DiscordMessage>
{
    public override HttpMethod Method => HttpMethod.Patch;
    public override string Path => $"webhooks/{applicationId}/{interactionToken}/messages/@original";
    public override string Route => "PATCH webhooks/{application_id}/{token}/messages/@original";
    public override string MajorParameter => applicationId + "/" + interactionToken.GetHashCode(StringComparison.Ordinal);
    public override bool CountsTowardGlobalLimit => false;
    public override HttpContent CreateContent() => Json(body, Context.MessageBody);
    public override JsonTypeInfo<DiscordMessage> ResponseType => Context.DiscordMessage;
}
