using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands;

/// <summary>The subscriptions a command works on: the chat's own, or with "me" the sender's personal ones.</summary>
public static class TargetSubscriptions
{
    public static async Task<IReadOnlyList<Subscription>> ListAsync(ISubscriptionStore store, CommandContext context, CancellationToken cancellationToken) =>
        (await store.ListForChatAsync(context.TargetChat, context.TargetUser, cancellationToken).ConfigureAwait(false))
        .Where(s => s.Active && (context.Personal || s.UserId is null))
        .ToList();

    /// <summary>The target subscription to a topic, or a short reply saying there is none.</summary>
    public static async Task<(Subscription? Subscription, CommandReply? Problem)> FindAsync(
        ISubscriptionStore store, CommandContext context, string topic, CommandSpec spec, CancellationToken cancellationToken)
    {
        var all = await ListAsync(store, context, cancellationToken).ConfigureAwait(false);
        var found = all.FirstOrDefault(s => string.Equals(s.Topic, topic, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return (found, null);
        }

        var who = context.Personal ? "You do" : "This chat does";
        var follows = context.Personal ? "You follow" : "It follows";
        var list = all.Count == 0 ? "" : $" {follows} {string.Join(", ", all.Select(s => s.Topic))}.";
        return (null, Usage.Of(spec, $"{who} not follow '{Clip(topic)}'.{list}"));
    }

    public static string Clip(string text) => text.Length <= 40 ? text : SafeText.Prefix(text, 40) + "…";
}
