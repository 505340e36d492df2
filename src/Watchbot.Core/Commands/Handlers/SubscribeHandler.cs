using Watchbot.Core.Digests;
using Watchbot.Core.Storage;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands.Handlers;

public sealed class SubscribeHandler(ITopicStore topics, ISubscriptionStore subscriptions, IAuditLog audit, DigestSettings settings) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("subscribe", "/subscribe <topic>", "Follow a topic in this chat", CommandAccess.ChatAdmin,
        "The chat gets a daily digest of what is new in the topic; /digest sets its time, /filter narrows it.");

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
            Chat = context.Incoming.Chat,
            Topic = topic.Name,
            Digest = settings.DefaultSchedule,
            CreatedAt = context.Now,
        }, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "subscribe", $"{context.Incoming.Chat} {topic.Name}", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text(created
            ? $"Subscribed this chat to {topic.Name}: {SubscriptionText.Settings(subscription)}. Send /digest now for the latest, /help digest to change the time."
            : $"This chat already follows {topic.Name}: {SubscriptionText.Settings(subscription)}.");
    }
}
