using System.Globalization;

namespace Watchbot.Discord.Interactions;

/// <summary>The permission bits the bot reads from an interaction's member.permissions.</summary>
public static class Permissions
{
    public const ulong Administrator = 0x8;
    public const ulong ManageGuild = 0x20;

    /// <summary>May change the channel's subscriptions: ADMINISTRATOR or MANAGE_GUILD.</summary>
    public static bool IsChatAdmin(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (Administrator | ManageGuild)) != 0;
}
