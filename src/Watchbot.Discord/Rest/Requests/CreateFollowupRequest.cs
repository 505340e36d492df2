using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>POST /webhooks/{application.id}/{interaction.token}: a further message after the first answer.</summary>
public sealed class CreateFollowupRequest(string applicationId, string interactionToken, MessageBody body) : DiscordRequest<DiscordMessage>
{
    public override HttpMethod Method => HttpMethod.Post;
    public override string Path => $"webhooks/{applicationId}/{interactionToken}";
    public override string Route => "POST webhooks/{application_id}/{token}";
    public override string MajorParameter => applicationId + "/" + interactionToken.GetHashCode(StringComparison.Ordinal);
    public override bool CountsTowardGlobalLimit => false;
    public override HttpContent CreateContent() => Json(body, Context.MessageBody);
    public override JsonTypeInfo<DiscordMessage> ResponseType => Context.DiscordMessage;
}
