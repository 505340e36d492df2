using System.Text.Json;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Topics;

/// <summary>Adds the topics of config/topics.json that the store does not have yet. The store wins afterwards:
/// a topic edited by /admin keeps its edits across restarts. A stored topic that predates sides (it declares none) takes
/// the file's sides, the sides of its places and the file's actors once, since without sides the extractor cannot tell
/// whose people were hit.</summary>
public sealed class TopicSeeder(ITopicStore topics, WatchbotOptions options, ILogger<TopicSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var path = Paths.BesideProgram(options.TopicsFile);
        if (!File.Exists(path))
        {
            logger.LogWarning("No topics file at {Path}; the bot starts with the topics already stored", path);
            return 0;
        }

        List<Topic> fromFile;
        try
        {
            await using var stream = File.OpenRead(path);
            fromFile = await JsonSerializer.DeserializeAsync(stream, HostJsonContext.Default.ListTopic, cancellationToken).ConfigureAwait(false) ?? [];
        }
        catch (JsonException ex)
        {
            throw new OptionsError($"The topics file {path} is not valid JSON ({ex.Message}); fix it or restore it from git.");
        }

        var stored = (await topics.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Name);
        var known = stored.Keys.ToHashSet();
        var added = 0;
        foreach (var topic in fromFile)
        {
            if (!TopicNames.IsValid(topic.Name))
            {
                throw new OptionsError($"The topics file {path} has a topic named '{topic.Name}'; names are lower-case letters, digits and dashes.");
            }

            if (topic.Problem() is { } problem)
            {
                throw new OptionsError($"The topics file {path}: {problem}");
            }

            if (known.Add(topic.Name))
            {
                await topics.UpsertAsync(topic, cancellationToken).ConfigureAwait(false);
                added++;
            }
            else if (stored[topic.Name].Sides.Count == 0 && topic.Sides.Count > 0)
            {
                await topics.UpsertAsync(WithSidesOf(stored[topic.Name], topic), cancellationToken).ConfigureAwait(false);
                logger.LogInformation("The stored topic {Topic} had no sides; it takes the {Count} sides of {Path}", topic.Name, topic.Sides.Count, path);
            }
        }

        return added;
    }

    /// <summary>The stored topic with the file's sides, the file's side of each place both know, the file's places it lacks, and the file's actors.</summary>
    public static Topic WithSidesOf(Topic stored, Topic file)
    {
        var places = stored.Places.Select(p => p with { Side = p.Side ?? file.Places.FirstOrDefault(f => f.AllNames.Any(n => p.AllNames.Contains(n, StringComparer.OrdinalIgnoreCase)))?.Side })
            .Concat(file.Places.Where(f => stored.CanonicalPlace(f.Name) is null && !f.Aliases.Any(a => stored.CanonicalPlace(a) is not null)))
            .ToList();
        var actors = file.Actors.Concat(stored.Actors.Where(a => !file.Actors.Any(f => f.AllNames.Contains(a.Name, StringComparer.OrdinalIgnoreCase)))).ToList();
        return stored with { Sides = file.Sides, Places = places, Actors = actors };
    }
}
