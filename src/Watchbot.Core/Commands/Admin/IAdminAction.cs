namespace Watchbot.Core.Commands.Admin;

/// <summary>One /admin sub-command ("topic", "approve", "grant", ...). Curators may run them all but the owner-only ones.</summary>
public interface IAdminAction
{
    string Name { get; }

    string Usage { get; }

    bool OwnerOnly => false;

    /// <summary>Runs with the arguments after the action's name. Every change is written to the audit log.</summary>
    Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken);
}
