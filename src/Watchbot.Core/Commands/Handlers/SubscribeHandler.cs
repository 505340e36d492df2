using Watchbot.Core.Digests;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands.Handlers;

public sealed class SubscribeHandler(ITopicStore topics, ISubscriptionStore subscriptions, DigestService digests, IAuditLog audit, DigestSettings settings)
    : ICommandHandler
{
    public CommandSpec Spec { get; } = new("subscribe", "/subscribe <topic> [me]", "Follow a topic in this chat (or, with \"me\", privately)",
        CommandAccess.ChatAdmin,
        "The chat gets a daily digest of what is new in the topic and, at once, a digest of its last day; /digest sets the time, /filter narrows it. "
        + "In a group, \"me\" subscribes only you, delivered to your private chat with the bot.",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count != 1)
        {
            return Usage.Of(Spec, context.Args.Count == 0 ? "Which topic? Send /topics to see them" : "One topic at a time");
        }

        var (topic, problem) = await TopicArgument.ResolveAsync(topics, context.Args[0], cancellationToken).ConfigureAwait(false);
        if (topic is null)
        {
            return problem!;
        }

        var (subscription, created) = await subscriptions.AddAsync(new Subscription
        {
            Chat = context.TargetChat,
            UserId = context.TargetUser,
            Topic = topic.Name,
            Digest = settings.DefaultSchedule,
            CreatedAt = context.Now,
        }, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "subscribe", $"{context.TargetChat} {topic.Name}", context.Now, cancellationToken).ConfigureAwait(false);
        var who = context.Personal ? "You now follow" : "This chat now follows";
        if (!created)
        {
            return CommandReply.Text($"{(context.Personal ? "You already follow" : "This chat already follows")} {topic.Name}: {SubscriptionText.Settings(subscription)}.",
                context.Personal).WithActions(SubscriptionActions.AfterSubscribe(subscription, context.ScopeWord));
        }

        var recap = settings.RecapOnSubscribe
            ? await digests.RecapAsync(subscription, context.Now, cancellationToken).ConfigureAwait(false)
            : 0;
        var recapText = !settings.RecapOnSubscribe ? ""
            : recap == 0 ? " Nothing happened in the last day, so no recap."
            : $" A digest of the last day ({recap} event{(recap == 1 ? "" : "s")}) follows.";
        return CommandReply.Text($"{who} {topic.Name}: {SubscriptionText.Settings(subscription)}.{recapText} Send /help digest to change the time.",
            context.Personal).WithActions(SubscriptionActions.AfterSubscribe(subscription, context.ScopeWord));
    }
}
