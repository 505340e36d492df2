namespace Watchbot.Discord;

/// <summary>Discord ids: 64-bit numbers written in decimal.</summary>
public static class Snowflake
{
    public static bool IsValid(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 20 && id.All(char.IsAsciiDigit) && ulong.TryParse(id, out _);
}
