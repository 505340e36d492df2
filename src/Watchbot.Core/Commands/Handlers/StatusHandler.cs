using Watchbot.Core.Events;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class StatusHandler(ICursorStore cursors, IEventStore events, IOutboxStore outbox) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("status", "/status", "Last ingest and poll, events waiting for review, messages waiting to go out", CommandAccess.Anyone);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var ingest = await cursors.GetAsync(CursorNames.Ingest, cancellationToken).ConfigureAwait(false);
        var poll = await cursors.GetAsync(CursorNames.Poll, cancellationToken).ConfigureAwait(false);
        var pending = await events.CountAsync(EventStatus.Pending, cancellationToken).ConfigureAwait(false);
        var published = await events.CountAsync(EventStatus.Published, cancellationToken).ConfigureAwait(false);
        var queued = await outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        return CommandReply.Lines("Status",
        [
            $"Last ingest: {Ago(ingest.UpdatedAt, context.Now)}",
            $"Last poll: {Ago(poll.UpdatedAt, context.Now)} (alerts checked up to event change {poll.Value})",
            $"Events: {published} published, {pending} waiting for review",
            $"Messages waiting to go out: {queued}",
        ]);
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } t)
        {
            return "never";
        }

        var ago = now - t;
        var text = ago.TotalMinutes < 1 ? "just now" : ago.TotalHours < 1 ? $"{ago.TotalMinutes:0} min ago" : ago.TotalDays < 1 ? $"{ago.TotalHours:0.#} h ago" : $"{ago.TotalDays:0.#} days ago";
        return $"{t:yyyy-MM-dd HH:mm} UTC ({text})";
    }
}
