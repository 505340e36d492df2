using System.Text.Json;

namespace Watchbot.Discord.Payloads;

public static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
}

public static class InteractionCallbackType
{
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int AutocompleteResult = 8;
}

public sealed record DiscordUser(string Id, string? Username = null, string? GlobalName = null);

/// <summary>permissions: the member's permissions in the channel, as a decimal string bit set.</summary>
public sealed record GuildMember(DiscordUser? User, string? Permissions, string? Nick = null);

public sealed record InteractionOption(string Name, int Type, JsonElement? Value = null, bool? Focused = null, List<InteractionOption>? Options = null);

public sealed record InteractionData(string? Id, string Name, int? Type = null, List<InteractionOption>? Options = null);

public sealed record Interaction(
    string Id,
    string ApplicationId,
    int Type,
    string Token,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    GuildMember? Member = null,
    DiscordUser? User = null);

public sealed record AutocompleteChoice(string Name, string Value);

public sealed record InteractionCallbackData(
    string? Content = null,
    List<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null,
    int? Flags = null,
    List<AutocompleteChoice>? Choices = null);

public sealed record InteractionResponse(int Type, InteractionCallbackData? Data = null);

public static class MessageFlags
{
    public const int Ephemeral = 64;
}
