using System.Globalization;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin event add &lt;topic&gt; &lt;kind&gt; &lt;yyyy-MM-dd&gt; "summary" [field=value ...]: a hand-entered event, published at once.</summary>
public sealed class EventAddAction(IEventStore events, ITopicStore topics, IAuditLog audit) : IAdminAction
{
    public string Name => "event";

    public string Usage => "/admin event add <topic> <kind> <yyyy-MM-dd> \"summary\" [places=A,B] [actors=A] [severity=N] [stance=S]: add an event by hand";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count < 5 || !string.Equals(args[0], "add", StringComparison.OrdinalIgnoreCase)
            || !EventNames.TryParse<EventKind>(args[2], out var kind)
            || !DateOnly.TryParseExact(args[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }

        var (topic, problem) = await TopicArgument.ResolveAsync(topics, args[1], cancellationToken).ConfigureAwait(false);
        if (topic is null)
        {
            return problem!;
        }

        var draft = new WatchEvent
        {
            Id = 0, Seq = 0, Kind = kind, Status = EventStatus.Published, Date = date, Summary = args[4], Topics = [topic.Name],
            CreatedAt = context.Now, ChangedAt = context.Now,
        };
        var (filled, error) = EventFields.Apply(draft, args.Skip(5));
        if (filled is null || string.IsNullOrWhiteSpace(filled.Summary) || filled.Summary.Length > 1000)
        {
            return CommandReply.Text(error ?? "The summary is one sentence of 1 to 1000 characters.", ephemeral: true);
        }

        var stored = await events.AddAsync(new EventDraft
        {
            Kind = filled.Kind, Date = filled.Date, Summary = filled.Summary, Topics = filled.Topics, Places = filled.Places, Actors = filled.Actors,
            Severity = filled.Severity, Stance = filled.Stance, ClaimedBy = filled.ClaimedBy,
        }, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "event add", $"#{stored.Id} {kind.Name()} {topic.Name}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Added event #{stored.Id} (seq {stored.Seq}) to {topic.Name}.", ephemeral: true);
    }
}
