using Watchbot.Core.Storage;

namespace Watchbot.Core.Commands.Handlers;

public sealed class SubscriptionsHandler(ISubscriptionStore subscriptions) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("subscriptions", "/subscriptions", "What this chat follows, with filters, schedule and alerts", CommandAccess.Anyone);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await subscriptions.ListForChatAsync(context.Incoming.Chat, context.Incoming.Sender.UserId, cancellationToken).ConfigureAwait(false);
        return list.Count == 0
            ? CommandReply.Text("This chat follows no topics. Send /topics to see them, /subscribe <topic> to follow one.")
            : CommandReply.Lines("This chat follows:", list.Select(SubscriptionText.Describe));
    }
}
