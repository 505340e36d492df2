namespace Watchbot.Discord.Payloads;

public static class OptionType
{
    public const int String = 3;
}

public sealed record CommandOption(int Type, string Name, string Description, bool? Required = null, bool? Autocomplete = null);

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
