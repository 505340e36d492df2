namespace Watchbot.Core.Commands;

/// <summary>The short reply a command gives to arguments it cannot use.</summary>
public static class Usage
{
    public static CommandReply Of(CommandSpec spec, string? problem = null) =>
        CommandReply.Text((problem is null ? "" : problem.TrimEnd('.') + ". ") + $"Usage: {spec.Usage}", ephemeral: true);
}
