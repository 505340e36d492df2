using System.Text.Json;
using System.Text.Json.Serialization;

namespace Watchbot.Discord.Payloads;

/// <summary>A frame received from the gateway: op, d, s, t.</summary>
public sealed record GatewayFrame(int Op, JsonElement D, long? S, string? T);

/// <summary>A frame sent to the gateway.</summary>
public sealed record GatewayCommand(int Op, JsonElement D);

public sealed record HelloData(int HeartbeatInterval);

public sealed record ReadyData(string SessionId, string? ResumeGatewayUrl, DiscordUser? User, ReadyApplication? Application);

public sealed record ReadyApplication(string Id);

public sealed record IdentifyProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);

public sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[] Shard);

public sealed record ResumeData(string Token, string SessionId, long Seq);

public sealed record GatewayBot(string Url, int Shards, SessionStartLimit? SessionStartLimit);

/// <summary>reset_after is in milliseconds.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
