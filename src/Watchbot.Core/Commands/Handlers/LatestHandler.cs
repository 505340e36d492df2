using System.Globalization;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;

using Watchbot.Core.Messages;
namespace Watchbot.Core.Commands.Handlers;

public sealed class LatestHandler(IEventStore events, ITopicStore topics, ISubscriptionStore subscriptions) : ICommandHandler
{
    public const int Most = 20;

    public CommandSpec Spec { get; } = new("latest", "/latest [topic] [n]", "The newest events (5 unless you say, at most 20)", CommandAccess.Anyone);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string? topicName = null;
        var count = 5;
        foreach (var arg in context.Args)
        {
            if (int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (n is < 1 or > Most)
                {
                    return Usage.Of(Spec, $"n is from 1 to {Most}");
                }

                count = n;
            }
            else if (topicName is null)
            {
                var (topic, problem) = await TopicArgument.ResolveAsync(topics, arg, cancellationToken).ConfigureAwait(false);
                if (topic is null)
                {
                    return problem!;
                }

                topicName = topic.Name;
            }
            else
            {
                return Usage.Of(Spec);
            }
        }

        var followed = topicName is not null ? [topicName]
            : (await subscriptions.ListForChatAsync(context.Incoming.Chat, context.Incoming.Sender.UserId, cancellationToken).ConfigureAwait(false))
                .Where(s => s.Active).Select(s => s.Topic).Distinct().ToList();
        var latest = new List<WatchEvent>();
        foreach (var topic in followed.DefaultIfEmpty(null))
        {
            latest.AddRange(await events.ListAsync(new EventQuery { Topic = topic, Ascending = false, Limit = count }, cancellationToken).ConfigureAwait(false));
        }

        // The newest reports, shown in the order things happened (latest first), as the title says.
        var newest = latest.DistinctBy(e => e.Id).OrderByDescending(e => e.Seq).Take(count)
            .OrderByDescending(e => e.DateEnd ?? e.Date).ThenByDescending(e => e.Seq).ToList();
        if (newest.Count == 0)
        {
            return CommandReply.Text(topicName is null ? "No events yet." : $"No events in {topicName} yet.");
        }

        // Earlier figures matter only to a running tally shown here, and only those it is compared with.
        var tallies = EventQuery.PreviousFigures(topicName, newest) is { } previous
            ? new TallyBook(await events.ListAsync(previous, cancellationToken).ConfigureAwait(false))
            : null;
        var title = $"Latest {(topicName is null ? "events" : $"in {topicName}")}, by date, most recent first:";
        return new CommandReply(new Messages.OutgoingMessage(Messages.MessageKind.Reply, title,
            [new Messages.MessageSection(null, newest.Select(e => EventFormatter.Format(e, tallies)).ToList())]));
    }
}
