namespace Watchbot.Extraction.Evaluation;

/// <summary>Which extracted events are scored: what a topic's subscribers would receive. The default, by file topic,
/// is <c>score_extraction.py --by-file-topic</c>; <see cref="Topic"/> is its <c>--topic</c>; <see cref="All"/> is neither.</summary>
public sealed record EventFilter
{
    private EventFilter(string? topic, bool byFileTopic)
    {
        Topic = topic;
        ByFileTopic = byFileTopic;
    }

    /// <summary>An event counts when it carries the topic of one of its gold articles (for an article whose gold topic is
    /// "none" or "other", any topic at all).</summary>
    public static EventFilter ByArticleTopic { get; } = new(null, true);

    /// <summary>Every event of a gold article counts, whatever its topics.</summary>
    public static EventFilter All { get; } = new(null, false);

    public string? Topic { get; }

    public bool ByFileTopic { get; }

    /// <summary>Only events tagged with <paramref name="topic"/> count.</summary>
    public static EventFilter OnlyTopic(string topic) => new(topic, false);

    /// <summary><c>reaches_subscribers</c>: <paramref name="goldFiles"/> are the event's files that the gold annotates.</summary>
    public bool Keeps(IReadOnlyList<string> topics, IEnumerable<string> goldFiles, IReadOnlyDictionary<string, string?> topicOfFile)
    {
        if (Topic is not null)
        {
            return topics.Contains(Topic, StringComparer.Ordinal);
        }

        if (!ByFileTopic)
        {
            return true;
        }

        return goldFiles.Any(f =>
        {
            var topic = topicOfFile.GetValueOrDefault(f);
            return (topic is not null && topics.Contains(topic, StringComparer.Ordinal)) || (topic is "none" or "other" && topics.Count > 0);
        });
    }
}
