using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

/// <summary>Resumes a chat's subscriptions that were paused because the bot could not write to it (see <see cref="Delivery.ChatLifecycle"/>).</summary>
public sealed class ResumeHandler(ISubscriptionStore subscriptions, IAuditLog audit) : ICommandHandler
{
    public const string Name = "resume";

    public CommandSpec Spec { get; } = new(Name, "/resume", "Resume this chat's paused subscriptions", CommandAccess.ChatAdmin,
        "Subscriptions are paused when the bot cannot write to the chat: it was blocked, removed from the group, or the chat is gone.");

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var chat = context.Incoming.Chat;
        var resumed = await subscriptions.ReactivateChatAsync(chat, cancellationToken).ConfigureAwait(false);
        if (resumed == 0)
        {
            return CommandReply.Text("Nothing is paused here. Send /subscriptions to see what this chat follows.", ephemeral: true);
        }

        await audit.AddAsync(context.Actor, Name, $"{chat} {resumed}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Resumed {resumed} subscription{(resumed == 1 ? "" : "s")}: digests and alerts come here again.");
    }
}
