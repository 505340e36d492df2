using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class UnsubscribeHandler(ISubscriptionStore subscriptions, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("unsubscribe", "/unsubscribe <topic|all> [me]", "Stop following a topic", CommandAccess.ChatAdmin, Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count != 1)
        {
            return Usage.Of(Spec);
        }

        var which = context.Args[0].ToLowerInvariant();
        var mine = await TargetSubscriptions.ListAsync(subscriptions, context, cancellationToken).ConfigureAwait(false);
        var targets = mine.Where(s => which == "all" || string.Equals(s.Topic, which, StringComparison.OrdinalIgnoreCase)).ToList();
        if (targets.Count == 0)
        {
            var who = context.Personal ? "You" : "This chat";
            return CommandReply.Text(which == "all"
                ? $"{who} follow{(context.Personal ? "" : "s")} no topics."
                : $"{who} do{(context.Personal ? "" : "es")} not follow '{TargetSubscriptions.Clip(which)}'. Send /subscriptions to see what {(context.Personal ? "you follow" : "it follows")}.",
                ephemeral: true);
        }

        foreach (var subscription in targets)
        {
            await subscriptions.RemoveAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        }

        var names = string.Join(", ", targets.Select(s => s.Topic));
        await audit.AddAsync(context.Actor, "unsubscribe", $"{context.TargetChat} {names}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"{(context.Personal ? "You" : "This chat")} no longer follow{(context.Personal ? "" : "s")} {names}.", context.Personal);
    }
}
