using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Commands.Handlers;

public sealed class FilterHandler(ISubscriptionStore subscriptions, ITopicStore topics, IEventStore events, IAuditLog audit) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("filter",
        "/filter <topic> [me] [kinds=a,b] [kinds+=a] [kinds-=a] [severity>=N] [places=A,B] [actors=A,B] [include=w] [exclude=w] | reset | test [24h|7d]",
        "Show or narrow what a subscription lets through", CommandAccess.ChatAdmin,
        "Only the parts you name change; places=, with nothing after it, clears that part. kinds+= and kinds-= let one more kind through or one fewer "
        + "(on Telegram, /filter <topic> shows them as buttons). test lists what the filters would have let through, and sends nothing else.",
        Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count == 0)
        {
            return Usage.Of(Spec);
        }

        var (target, problem) = await TargetSubscriptions.FindAsync(subscriptions, context, context.Args[0], Spec, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return problem!;
        }

        var rest = context.Args.Skip(1).ToList();
        switch (rest.Select(a => a.ToLowerInvariant()).ToList())
        {
            case []:
                return Shown(target, context);
            case ["reset"]:
                return await SaveAsync(target with { Filter = SubscriptionFilter.None }, context, cancellationToken).ConfigureAwait(false);
            case ["test"]:
                return await TestAsync(target, TimeSpan.FromHours(24), context, cancellationToken).ConfigureAwait(false);
            case ["test", "24h"]:
                return await TestAsync(target, TimeSpan.FromHours(24), context, cancellationToken).ConfigureAwait(false);
            case ["test", "7d"]:
                return await TestAsync(target, TimeSpan.FromDays(7), context, cancellationToken).ConfigureAwait(false);
            case ["test", ..]:
                return Usage.Of(Spec, "test takes 24h or 7d");
        }

        var topic = await topics.GetAsync(target.Topic, cancellationToken).ConfigureAwait(false);
        if (topic is null)
        {
            return CommandReply.Text($"The topic {target.Topic} no longer exists; /unsubscribe {target.Topic} removes it.", ephemeral: true);
        }

        var (filter, error) = FilterSyntax.Apply(target.Filter, rest, topic);
        return filter is null
            ? Usage.Of(Spec, error)
            : await SaveAsync(target with { Filter = filter }, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandReply> SaveAsync(Subscription changed, CommandContext context, CancellationToken cancellationToken)
    {
        await subscriptions.UpdateAsync(changed, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, "filter", $"{changed.Chat} {changed.Topic} {SubscriptionText.Describe(changed.Filter)}", context.Now, cancellationToken)
            .ConfigureAwait(false);
        return Shown(changed, context);
    }

    /// <summary>The filter in words, with the kinds as on/off buttons.</summary>
    private static CommandReply Shown(Subscription subscription, CommandContext context) =>
        CommandReply.Text($"Filters of {subscription.Topic}: {SubscriptionText.Describe(subscription.Filter)}.", context.Personal)
            .WithActions(SubscriptionActions.Kinds(subscription, context.ScopeWord));

    private async Task<CommandReply> TestAsync(Subscription target, TimeSpan window, CommandContext context, CancellationToken cancellationToken)
    {
        var recent = await events.ListAsync(new EventQuery
        {
            Topic = target.Topic,
            Status = EventStatus.Published,
            ChangedSince = context.Now - window,
            Limit = 5000,
        }, cancellationToken).ConfigureAwait(false);
        var filter = CompiledFilter.Compile(target);
        var passed = recent.Where(filter.Matches).ToList();
        var span = window.TotalDays >= 1 && window.TotalHours > 24 ? $"{window.TotalDays:0} days" : $"{window.TotalHours:0} hours";
        var lines = passed.OrderByDescending(e => e.Severity).Take(20).Select(e => EventFormatter.Format(e).Text).ToList();
        if (passed.Count > lines.Count)
        {
            lines.Add($"…and {passed.Count - lines.Count} more.");
        }

        return CommandReply.Lines($"In the last {span}, {passed.Count} of {recent.Count} events of {target.Topic} would have passed these filters ({SubscriptionText.Describe(target.Filter)}).",
            lines, context.Personal);
    }
}
