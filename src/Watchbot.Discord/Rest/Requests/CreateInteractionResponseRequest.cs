using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>POST /interactions/{interaction.id}/{interaction.token}/callback: the first answer, within 3 seconds.</summary>
public sealed class CreateInteractionResponseRequest(string interactionId, string interactionToken, InteractionResponse response)
    : DiscordRequest<NoContent>
{
    public override HttpMethod Method => HttpMethod.Post;
    public override string Path => $"interactions/{interactionId}/{interactionToken}/callback";
    public override string Route => "POST interactions/{interaction_id}/{token}/callback";
    public override string MajorParameter => interactionId;
    public override bool CountsTowardGlobalLimit => false;
    public override HttpContent CreateContent() => Json(response, Context.InteractionResponse);
    public override JsonTypeInfo<NoContent>? ResponseType => null;
}
