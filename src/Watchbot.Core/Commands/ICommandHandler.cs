namespace Watchbot.Core.Commands;

/// <summary>One chat command. The router has already checked <see cref="CommandSpec.Access"/>.</summary>
public interface ICommandHandler
{
    CommandSpec Spec { get; }

    Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
