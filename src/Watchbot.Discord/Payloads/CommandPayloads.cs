namespace Watchbot.Discord.Payloads;

/// <summary>Application command option types (Discord API v10).</summary>
public static class OptionType
{
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
}

/// <summary>A fixed value of a string option: the user picks one of these, nothing else.</summary>
public sealed record CommandChoice(string Name, string Value);

public sealed record CommandOption(
    int Type,
    string Name,
    string Description,
    bool? Required = null,
    bool? Autocomplete = null,
    List<CommandChoice>? Choices = null,
    int? MinValue = null,
    int? MaxValue = null);

/// <summary>A CHAT_INPUT command as sent to PUT /applications/{id}/commands. default_member_permissions is a
/// decimal permission bit set; contexts 0 = guild, 1 = bot DM.</summary>
public sealed record ApplicationCommand(
    string Name,
    string Description,
    int Type = 1,
    List<CommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    List<int>? Contexts = null,
    List<int>? IntegrationTypes = null,
    string? Id = null);
