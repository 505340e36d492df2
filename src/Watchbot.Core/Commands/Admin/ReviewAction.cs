using System.Globalization;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin review: the events waiting for a curator, least sure first.</summary>
public sealed class ReviewAction(IEventStore events) : IAdminAction
{
    public string Name => "review";

    public string Usage => "/admin review: the events waiting for review";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var pending = await events.ListAsync(new EventQuery { Status = EventStatus.Pending, Limit = 200 }, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return CommandReply.Text("Nothing waits for review.", ephemeral: true);
        }

        var lines = pending.OrderBy(e => e.Confidence).Take(25)
            .Select(e => $"{EventFormatter.Format(e).Text} (confidence {e.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})")
            .ToList();
        return CommandReply.Lines($"{pending.Count} {(pending.Count == 1 ? "event waits" : "events wait")} for review; /admin approve <id> or /admin reject <id>:", lines, ephemeral: true);
    }
}
