using System.Text.Json;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Storage;
using Watchbot.Core.Topics;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Topics;

/// <summary>Adds the topics of config/topics.json that the store does not have yet. The store wins afterwards:
/// a topic edited by /admin keeps its edits across restarts.</summary>
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

        var known = (await topics.ListAsync(cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToHashSet();
        var added = 0;
        foreach (var topic in fromFile)
        {
            if (!TopicNames.IsValid(topic.Name))
            {
                throw new OptionsError($"The topics file {path} has a topic named '{topic.Name}'; names are lower-case letters, digits and dashes.");
            }

            if (known.Add(topic.Name))
            {
                await topics.UpsertAsync(topic, cancellationToken).ConfigureAwait(false);
                added++;
            }
        }

        return added;
    }
}
