using Watchbot.Core.Storage;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin edit &lt;id&gt; field=value ...: corrects an event; it gets a new seq so subscribers see the correction.</summary>
public sealed class EditAction(IEventStore events, IAuditLog audit) : IAdminAction
{
    public string Name => "edit";

    public string Usage => "/admin edit <id> field=value ...: correct an event (summary, kind, date, severity, places, actors, topics, stance, claimedby)";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count < 2 || !EventIdArgument.TryRead(args[0], out var id))
        {
            return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }

        var current = await events.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CommandReply.Text($"There is no event #{id}.", ephemeral: true);
        }

        var (edited, problem) = EventFields.Apply(current, args.Skip(1));
        if (edited is null)
        {
            return CommandReply.Text(problem!, ephemeral: true);
        }

        var revised = await events.ReviseAsync(id, _ => edited, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "edit", $"#{id} {string.Join(" ", args.Skip(1))}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Event #{id} corrected (seq {revised!.Seq}): {revised.Summary}", ephemeral: true);
    }
}
