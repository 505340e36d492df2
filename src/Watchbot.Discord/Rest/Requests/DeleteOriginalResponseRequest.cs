using System.Text.Json.Serialization.Metadata;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>DELETE /webhooks/{application.id}/{interaction.token}/messages/@original.</summary>
public sealed class DeleteOriginalResponseRequest(string applicationId, string interactionToken) : DiscordRequest<NoContent>
{
    public override HttpMethod Method => HttpMethod.Delete;
    public override string Path => $"webhooks/{applicationId}/{interactionToken}/messages/@original";
    public override string Route => "DELETE webhooks/{application_id}/{token}/messages/@original";
    public override string MajorParameter => applicationId + "/" + interactionToken.GetHashCode(StringComparison.Ordinal);
    public override bool CountsTowardGlobalLimit => false;
    public override JsonTypeInfo<NoContent>? ResponseType => null;
}
