using Watchbot.Core.Storage;

namespace Watchbot.Core.Commands.Handlers;

public sealed class UnsubscribeHandler(ISubscriptionStore subscriptions, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("unsubscribe", "/unsubscribe <topic|all>", "Stop following a topic in this chat", CommandAccess.ChatAdmin);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count != 1)
        {
            return Usage.Of(Spec);
        }

        var which = context.Args[0].ToLowerInvariant();
        var chat = context.Incoming.Chat;
        var targets = (await subscriptions.ListForChatAsync(chat, userId: null, cancellationToken).ConfigureAwait(false))
            .Where(s => s.UserId is null && (which == "all" || string.Equals(s.Topic, which, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (targets.Count == 0)
        {
            var shown = which.Length <= 40 ? which : which[..40] + "…";
            return CommandReply.Text(which == "all"
                ? "This chat follows no topics."
                : $"This chat does not follow '{shown}'. Send /subscriptions to see what it follows.", ephemeral: true);
        }

        foreach (var subscription in targets)
        {
            await subscriptions.RemoveAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        }

        var names = string.Join(", ", targets.Select(s => s.Topic));
        await audit.AddAsync(context.Actor, "unsubscribe", $"{chat} {names}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"This chat no longer follows {names}. Queued messages already composed will still arrive.");
    }
}
