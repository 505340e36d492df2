using Watchbot.Core.Stores;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Commands.Admin;

/// <summary>
/// /admin topic add|edit|remove|list: the topics people can follow, with their sides (aliases after slashes, allies in
/// camps, armed groups among them), places (aliases after slashes, the side they belong to after @), actors (aliases after
/// slashes) and keywords.
/// </summary>
public sealed class TopicAction(ITopicStore topics, ISubscriptionStore subscriptions, IAuditLog audit) : IAdminAction
{
    public string Name => "topic";

    public string Usage => "/admin topic add <name> \"description\" [sides=Armenia/Armenian/Yerevan,Azerbaijan/Azerbaijani/Baku] [camps=Armenia+Artsakh] [armed=RSF] "
                           + "[places=Stepanakert/Khankendi@Artsakh,Ganja@Azerbaijan] [actors=OSCE Minsk Group/Minsk Group,Russia] [keywords=a,b] | "
                           + "edit <name> [description=\"...\"] [sides=...] [camps=...] [armed=...] [places=...] [actors=...] [keywords=...] | remove <name> [force] | list";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var verb = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        switch (verb)
        {
            case "list":
                var all = await topics.ListAsync(cancellationToken).ConfigureAwait(false);
                return CommandReply.Lines("Topics:", all.Select(Describe), ephemeral: true);
            case "add" when args.Count >= 3:
                return await AddAsync(context, args, cancellationToken).ConfigureAwait(false);
            case "edit" when args.Count >= 3:
                return await EditAsync(context, args, cancellationToken).ConfigureAwait(false);
            case "remove" when args.Count is 2 or 3:
                return await RemoveAsync(context, args, cancellationToken).ConfigureAwait(false);
            default:
                return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }
    }

    private async Task<CommandReply> AddAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var name = TopicNames.Normalize(args[1]);
        if (!TopicNames.IsValid(name))
        {
            return CommandReply.Text("A topic name is 1 to 40 lower-case letters, digits and dashes.", ephemeral: true);
        }

        if (await topics.GetAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return CommandReply.Text($"The topic {name} exists; use /admin topic edit {name}.", ephemeral: true);
        }

        var (topic, problem) = Apply(new Topic(name, args[2], [], [], []), args.Skip(3));
        return topic is null ? CommandReply.Text(problem!, ephemeral: true) : await SaveAsync(context, topic, "topic add", cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandReply> EditAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var current = await topics.GetAsync(TopicNames.Normalize(args[1]), cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return CommandReply.Text($"There is no topic '{TargetSubscriptions.Clip(args[1])}'.", ephemeral: true);
        }

        var (topic, problem) = Apply(current, args.Skip(2));
        return topic is null ? CommandReply.Text(problem!, ephemeral: true) : await SaveAsync(context, topic, "topic edit", cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandReply> RemoveAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var name = TopicNames.Normalize(args[1]);
        var followers = (await subscriptions.ListActiveAsync(cancellationToken).ConfigureAwait(false)).Count(s => s.Topic == name);
        if (followers > 0 && !(args.Count == 3 && string.Equals(args[2], "force", StringComparison.OrdinalIgnoreCase)))
        {
            return CommandReply.Text($"{followers} subscriptions follow {name}; they would get nothing more. Add force to remove it anyway.", ephemeral: true);
        }

        if (!await topics.RemoveAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return CommandReply.Text($"There is no topic '{TargetSubscriptions.Clip(name)}'.", ephemeral: true);
        }

        await audit.AddAsync(context.Actor, "topic remove", name, context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text($"Removed the topic {name}.", ephemeral: true);
    }

    private async Task<CommandReply> SaveAsync(CommandContext context, Topic topic, string action, CancellationToken cancellationToken)
    {
        await topics.UpsertAsync(topic, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, action, $"{topic.Name}: {topic.Sides.Count} sides, {topic.Places.Count} places, {topic.Actors.Count} actors", context.Now, cancellationToken)
            .ConfigureAwait(false);
        return CommandReply.Text(
            $"Saved the topic {topic.Name} with {Count(topic.Sides.Count, "side")}, {Count(topic.Places.Count, "place")}, {Count(topic.Actors.Count, "actor")} and {Count(topic.Keywords.Count, "keyword")}.",
            ephemeral: true);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>One line of /admin topic list, in the syntax add and edit take.</summary>
    public static string Describe(Topic t)
    {
        static string Names(IEnumerable<string> names) => string.Join("/", names);
        var camps = t.Sides.Where(s => s.Camp is not null).GroupBy(s => s.Camp!, StringComparer.OrdinalIgnoreCase)
            .Select(g => string.Join("+", g.Select(s => s.Name)));
        var armed = t.Sides.Where(s => s.ArmedGroup).Select(s => s.Name);
        return $"{t.Name}: {t.Description}; sides: {string.Join(", ", t.Sides.Select(s => Names(s.AllNames)))}; camps: {string.Join(", ", camps)}; armed groups: {string.Join(", ", armed)}; "
               + $"places: {string.Join(", ", t.Places.Select(p => Names(p.AllNames) + (p.Side is null ? "" : "@" + p.Side)))}; "
               + $"actors: {string.Join(", ", t.Actors.Select(a => Names(a.AllNames)))}; keywords: {string.Join(", ", t.Keywords)}";
    }

    /// <summary>Reads description=, sides=, camps=, places= (aliases after slashes, side after @), actors= and keywords= onto a topic.</summary>
    public static (Topic? Topic, string? Problem) Apply(Topic topic, IEnumerable<string> assignments)
    {
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            var value = eq > 0 ? assignment[(eq + 1)..].Trim() : "";
            var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length > 200 || list.Any(v => v.Length > 80))
            {
                return (null, "At most 200 values of at most 80 characters each.");
            }

            switch (eq > 0 ? assignment[..eq].ToLowerInvariant() : "")
            {
                case "description" when value.Length is > 0 and <= 300:
                    topic = topic with { Description = value };
                    break;
                case "places":
                    topic = topic with
                    {
                        Places = list.Select(p => p.Split('@', 2, StringSplitOptions.TrimEntries))
                            .Select(parts => (Names: Names(parts[0]), Side: parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null))
                            .Where(p => p.Names.Length > 0)
                            .Select(p => new TopicPlace(p.Names[0], p.Names.Skip(1).ToList(), p.Side))
                            .ToList(),
                    };
                    break;
                case "sides":
                    topic = topic with
                    {
                        Sides = list.Select(Names).Where(names => names.Length > 0)
                            .Select(names => new TopicSide(names[0], names.Skip(1).ToList(), topic.SideNamed(names[0])?.Camp))
                            .ToList(),
                    };
                    break;
                case "camps":
                    var camps = list.Select(c => c.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                    if (camps.SelectMany(c => c).FirstOrDefault(n => topic.SideNamed(n) is null) is { } unknown)
                    {
                        return (null, $"'{TargetSubscriptions.Clip(unknown)}' is not a side of {topic.Name}; set sides= first.");
                    }

                    topic = topic with
                    {
                        Sides = topic.Sides.Select(side => side with
                        {
                            Camp = camps.FirstOrDefault(c => c.Length > 1 && c.Any(n => topic.SideNamed(n) == side)) is { } camp ? string.Join("+", camp) : null,
                        }).ToList(),
                    };
                    break;
                case "armed":
                    if (list.FirstOrDefault(n => topic.SideNamed(n) is null) is { } notASide)
                    {
                        return (null, $"'{TargetSubscriptions.Clip(notASide)}' is not a side of {topic.Name}; set sides= first.");
                    }

                    topic = topic with { Sides = topic.Sides.Select(side => side with { ArmedGroup = list.Any(n => topic.SideNamed(n) == side) }).ToList() };
                    break;
                case "actors":
                    topic = topic with { Actors = list.Select(Names).Where(names => names.Length > 0).Select(names => new TopicActor(names[0], names.Skip(1).ToList())).ToList() };
                    break;
                case "keywords":
                    topic = topic with { Keywords = list };
                    break;
                default:
                    return (null, $"'{TargetSubscriptions.Clip(assignment)}' is not description=, places=, actors= or keywords=.");
            }
        }

        if (topic.Description.Length is 0 or > 300)
        {
            return (null, "A topic needs a description of 1 to 300 characters.");
        }

        return topic.Problem() is { } problem ? (null, problem) : (topic, null);
    }

    private static string[] Names(string value) => value.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
