using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Commands.Admin;

/// <summary>
/// /admin edit &lt;id&gt; field=value ...: corrects an event; it gets a new seq so subscribers see the correction. Places and
/// actors given by an alias of the event's topics are stored by their canonical names, as filters match them; a name
/// the topics do not know (an outside power, a new village) is kept as the curator wrote it.
/// </summary>
public sealed class EditAction(IEventStore events, IAuditLog audit, ITopicStore topics) : IAdminAction
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

        edited = Canonical(edited, await TopicsOfAsync(edited, cancellationToken).ConfigureAwait(false));
        var revised = await events.ReviseAsync(id, _ => edited, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "edit", $"#{id} {string.Join(" ", args.Skip(1))}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Event #{id} corrected (seq {revised!.Seq}): {revised.Summary}", ephemeral: true);
    }

    private async Task<IReadOnlyList<Topic>> TopicsOfAsync(WatchEvent e, CancellationToken cancellationToken)
    {
        var found = new List<Topic>();
        foreach (var name in e.Topics)
        {
            if (await topics.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } topic)
            {
                found.Add(topic);
            }
        }

        return found;
    }

    /// <summary>The event with each place and actor under the canonical name its topics give it, when they know it.</summary>
    public static WatchEvent Canonical(WatchEvent e, IReadOnlyList<Topic> topics)
    {
        string Place(string name) => topics.Select(t => t.CanonicalPlace(name)).FirstOrDefault(n => n is not null) ?? name;
        string Actor(string name) => topics.Select(t => t.CanonicalActor(name)).FirstOrDefault(n => n is not null) ?? name;
        return e with
        {
            Places = e.Places.Select(Place).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Actors = e.Actors.Select(Actor).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        };
    }
}
