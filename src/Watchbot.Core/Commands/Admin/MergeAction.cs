using Watchbot.Core.Events;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin merge &lt;keep&gt; &lt;other&gt;: the other event's sources, places, actors and figures join the kept one,
/// which gets a new seq; the other is withdrawn.</summary>
public sealed class MergeAction(IEventStore events, IAuditLog audit) : IAdminAction
{
    public string Name => "merge";

    public string Usage => "/admin merge <id> <id>: fold the second event into the first";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 2 || !EventIdArgument.TryRead(args[0], out var keepId) || !EventIdArgument.TryRead(args[1], out var otherId) || keepId == otherId)
        {
            return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }

        var other = await events.GetAsync(otherId, cancellationToken).ConfigureAwait(false);
        if (other is null || await events.GetAsync(keepId, cancellationToken).ConfigureAwait(false) is null)
        {
            return CommandReply.Text($"There is no event #{(other is null ? otherId : keepId)}.", ephemeral: true);
        }

        var kept = await events.ReviseAsync(keepId, keep => keep with
        {
            Sources = keep.Sources.Concat(other.Sources).Distinct().ToList(),
            Places = keep.Places.Union(other.Places, StringComparer.OrdinalIgnoreCase).ToList(),
            Actors = keep.Actors.Union(other.Actors, StringComparer.OrdinalIgnoreCase).ToList(),
            Topics = keep.Topics.Union(other.Topics, StringComparer.OrdinalIgnoreCase).ToList(),
            Casualties = keep.Casualties.Concat(other.Casualties).Distinct().ToList(),
            Severity = Math.Max(keep.Severity, other.Severity),
            Confidence = Math.Max(keep.Confidence, other.Confidence),
        }, cancellationToken).ConfigureAwait(false);
        await events.ReviseAsync(otherId, e => e with { Status = EventStatus.Merged, MergedInto = keepId }, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "merge", $"#{otherId} into #{keepId}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Event #{otherId} merged into #{keepId} (seq {kept!.Seq}), which now has {kept.Sources.Count} sources.", ephemeral: true);
    }
}
