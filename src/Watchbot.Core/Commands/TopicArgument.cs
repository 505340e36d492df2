using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Commands;

/// <summary>Reads a topic argument: the topic, or a reply that lists the topics and the closest match.</summary>
public static class TopicArgument
{
    public static async Task<(Topic? Topic, CommandReply? Problem)> ResolveAsync(ITopicStore topics, string argument, CancellationToken cancellationToken)
    {
        var all = await topics.ListAsync(cancellationToken).ConfigureAwait(false);
        var name = TopicNames.Normalize(argument);
        var topic = all.FirstOrDefault(t => t.Name == name);
        if (topic is not null)
        {
            return (topic, null);
        }

        var shown = name.Length <= 40 ? name : SafeText.Prefix(name, 40) + "…";
        var closest = TopicNames.Closest(name, all.Select(t => t.Name));
        var hint = closest is null ? "" : $" Did you mean {closest}?";
        var list = all.Count == 0 ? "There are no topics yet." : "Topics: " + string.Join(", ", all.Select(t => t.Name)) + ".";
        return (null, CommandReply.Text($"There is no topic '{shown}'.{hint} {list}", ephemeral: true));
    }
}
