namespace Watchbot.Core.Commands;

/// <summary>The bot owners ("telegram:42", "discord:123", "console:local") from configuration.</summary>
public sealed record AccessPolicy(IReadOnlySet<string> Owners)
{
    public bool IsOwner(CommandSender sender) => Owners.Contains(sender.Key);
}
