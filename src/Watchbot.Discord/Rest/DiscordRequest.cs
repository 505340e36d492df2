using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest;

/// <summary>One call of the REST API: its method and path, the route its rate limit is counted on, its body and
/// how to read its answer. One subclass per endpoint the bot uses.</summary>
public abstract class DiscordRequest<TResponse>
{
    public abstract HttpMethod Method { get; }

    /// <summary>The path below the API base URL, such as "channels/123/messages".</summary>
    public abstract string Path { get; }

    /// <summary>The path with its ids replaced, such as "POST channels/{channel_id}/messages".</summary>
    public abstract string Route { get; }

    /// <summary>The top-level resource (channel, guild, webhook) that per-route limits are counted on.</summary>
    public virtual string MajorParameter => "";

    /// <summary>Interaction endpoints are not bound to the bot's global limit.</summary>
    public virtual bool CountsTowardGlobalLimit => true;

    /// <summary>What the logs may show of this call: the route, never a token.</summary>
    public override string ToString() => Route;

    public virtual HttpContent? CreateContent() => null;

    /// <summary>Null for calls answered with 204 No Content.</summary>
    public abstract JsonTypeInfo<TResponse>? ResponseType { get; }

    protected static HttpContent Json<T>(T body, JsonTypeInfo<T> info) => JsonContent.Create(body, info);

    protected static DiscordJsonContext Context => DiscordJsonContext.Default;
}

/// <summary>The answer of a call that returns nothing.</summary>
public sealed record NoContent
{
    public static readonly NoContent Value = new();
}
