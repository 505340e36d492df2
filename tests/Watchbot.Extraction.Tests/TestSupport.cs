using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Extraction;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Frames;
using Watchbot.Extraction.Parsing;

using Watchbot.Fakes;
namespace Watchbot.Extraction.Tests;

/// <summary>The repository's config, loaded once, and small builders for articles.</summary>
internal static class TestSupport
{
    /// <summary><paramref name="count"/> texts of up to <paramref name="maxLength"/> - 1 characters drawn from <paramref name="alphabet"/>, the same each run.</summary>
    public static IEnumerable<string> RandomTexts(string alphabet, int seed, int count, int maxLength)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            yield return new string(Enumerable.Range(0, random.Next(0, maxLength)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        }
    }

    private static readonly Lazy<Extractor> Shared = new(() => Extractor.FromConfigDirectory(ConfigDirectory));

    public static string RepoRoot => RepoPaths.RepoRoot;

    public static string ConfigDirectory => Path.Combine(RepoRoot, "config");

    public static Extractor Extractor => Shared.Value;

    public static ExtractionConfig Config => Shared.Value.Config;

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static ArticleDraft Article(string body, string published = "2020-10-07", bool dateFound = true) =>
        new("test.txt", null, "Test article", null, Day(published), dateFound, body, ContentHash.Of(body));

    public static IReadOnlyList<FrameItem> Items(string body, string published = "2020-10-07") =>
        Extractor.ReadItems(Article(body, published), Topics);

    public static IReadOnlyList<FrameItem> Items(string body, EventKind kind, string published = "2020-10-07") =>
        Items(body, published).Where(i => i.Kind == kind).ToList();

    public static IReadOnlyList<CasualtyClaim> Claims(string body, string published = "2020-10-07") =>
        Items(body, published).Where(i => i.Claim is not null).Select(i => i.Claim!).ToList();

    /// <summary>The topics of config/topics.json, as the bot seeds them, and a border topic with no sides of its own.</summary>
    public static readonly IReadOnlyList<Topic> Topics =
    [
        .. ConfigTopics(),
        new Topic(
            "armenia-azerbaijan-border",
            "Clashes on the state border, outside Karabakh",
            [new TopicPlace("Tavush", []), new TopicPlace("Tovuz", []), new TopicPlace("Nakhchivan", []), new TopicPlace("Syunik", [])],
            [],
            ["state border"]),
    ];

    /// <summary>The karabakh topic of config/topics.json as the extractor reads an article about it.</summary>
    public static Conflict Karabakh => Conflict.Of(Config.Gazetteer, [Topics.Single(t => t.Name == "karabakh")]);

    /// <summary>The sahel topic of config/topics.json as the extractor reads an article about it.</summary>
    public static Conflict Sahel => Conflict.Of(Config.Gazetteer, [Topics.Single(t => t.Name == "sahel")]);

    public static IReadOnlyList<Topic> ConfigTopics() => TopicFile.Parse(File.ReadAllText(Path.Combine(RepoRoot, "config", "topics.json")));
}
