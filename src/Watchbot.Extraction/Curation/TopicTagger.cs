using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Core.Topics;

namespace Watchbot.Extraction.Curation;

/// <summary>Tags events with the topics whose places (any alias), actors or keywords they mention.</summary>
public static class TopicTagger
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Topic>, List<(string Name, Regex Names, HashSet<string> Actors)>> Cache = new();

    public static IReadOnlyList<string> TopicsFor(EventDraft e, IReadOnlyList<Topic> topics)
    {
        if (topics.Count == 0)
        {
            return [];
        }

        var matchers = Cache.GetValue(topics, Build);
        var text = string.Join("\n", e.Sources.Select(s => s.Sentence)) + "\n" + string.Join("\n", e.Places);
        var result = new List<string>();
        foreach (var (name, names, actors) in matchers)
        {
            if (names.IsMatch(text) || e.Actors.Any(actors.Contains))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static List<(string, Regex, HashSet<string>)> Build(IReadOnlyList<Topic> topics) =>
        topics.Select(t =>
        {
            var words = t.Places.SelectMany(p => p.AllNames).Concat(t.Keywords).Where(w => !string.IsNullOrWhiteSpace(w)).Select(Regex.Escape).ToList();
            var regex = words.Count == 0
                ? new Regex("(?!)")
                : new Regex(@"(?<!\w)(?:" + string.Join("|", words.OrderByDescending(w => w.Length)) + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return (t.Name, regex, new HashSet<string>(t.Actors, StringComparer.OrdinalIgnoreCase));
        }).ToList();
}
