using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>PUT /applications/{application.id}/commands, or .../guilds/{guild.id}/commands for one guild.</summary>
public sealed class BulkOverwriteCommandsRequest(string applicationId, string? guildId, List<ApplicationCommand> commands)
    : DiscordRequest<List<ApplicationCommand>>
{
    public override HttpMethod Method => HttpMethod.Put;
    public override string Path => guildId is null
        ? $"applications/{applicationId}/commands"
        : $"applications/{applicationId}/guilds/{guildId}/commands";
    public override string Route => guildId is null
        ? "PUT applications/{application_id}/commands"
        : "PUT applications/{application_id}/guilds/{guild_id}/commands";
    public override string MajorParameter => guildId ?? "";
    public override HttpContent CreateContent() => Json(commands, Context.ListApplicationCommand);
    public override JsonTypeInfo<List<ApplicationCommand>> ResponseType => Context.ListApplicationCommand;
}
