namespace Watchbot.Telegram.Api.Types;

/// <summary>A chat: type is "private", "group", "supergroup" or "channel". Ids are 64-bit; groups are negative.</summary>
public sealed record Chat
{
    public long Id { get; init; }
    public string Type { get; init; } = "";
    public string? Title { get; init; }
    public string? Username { get; init; }
}
