using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class TopicsHandler(ITopicStore topics, ISubscriptionStore subscriptions) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("topics", "/topics", "The topics you can follow", CommandAccess.Anyone);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var all = await topics.ListAsync(cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            return CommandReply.Text("There are no topics yet. A curator can add one with /admin topic add.");
        }

        var mine = (await subscriptions.ListForChatAsync(context.Incoming.Chat, context.Incoming.Sender.UserId, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Active)
            .Select(s => s.Topic)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return CommandReply.Lines("Topics:", all.Select(t =>
            $"{t.Name}{(mine.Contains(t.Name) ? " (subscribed)" : "")}: {t.Description}"));
    }
}
