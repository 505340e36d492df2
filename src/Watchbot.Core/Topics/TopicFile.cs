using System.Text.Json;

namespace Watchbot.Core.Topics;

/// <summary>The text of a topics file (<c>config/topics.json</c>): a list of topics, names in camelCase, comments allowed.</summary>
public static class TopicFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<Topic> Parse(string json) => JsonSerializer.Deserialize<List<Topic>>(json, Options) ?? [];
}
