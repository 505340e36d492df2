using Watchbot.Core.Events;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin approve and /admin reject: publish or withdraw an event; either gives it a new seq.</summary>
public abstract class StatusChangeAction(IEventStore events, IAuditLog audit, EventStatus to, string verb) : IAdminAction
{
    public abstract string Name { get; }

    public string Usage => $"/admin {Name} <id>: {verb} an event";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 1 || !EventIdArgument.TryRead(args[0], out var id))
        {
            return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }

        var revised = await events.ReviseAsync(id, e => e with { Status = to, MergedInto = null }, cancellationToken).ConfigureAwait(false);
        if (revised is null)
        {
            return CommandReply.Text($"There is no event #{id}.", ephemeral: true);
        }

        await audit.AddAsync(context.Actor, Name, $"#{id} -> {to.Name()} (seq {revised.Seq})", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Event #{id} is {to.Name()} (seq {revised.Seq}): {revised.Summary}", ephemeral: true);
    }
}

public sealed class ApproveAction(IEventStore events, IAuditLog audit) : StatusChangeAction(events, audit, EventStatus.Published, "publish")
{
    public override string Name => "approve";
}

public sealed class RejectAction(IEventStore events, IAuditLog audit) : StatusChangeAction(events, audit, EventStatus.Rejected, "withdraw")
{
    public override string Name => "reject";
}
