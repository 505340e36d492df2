using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Core.Topics;

namespace Watchbot.Extraction.Curation;

/// <summary>Tags events with the topics whose places (any alias), actors or keywords they mention.</summary>
public static class TopicTagger
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Topic>, List<(string Name, Regex Names, HashSet<string> Actors)>> Cache = new();

    /// <summary>The topics whose places, keywords or actors the event's sentences, places or actors mention.</summary>
    public static IReadOnlyList<string> TopicsFor(EventDraft e, IReadOnlyList<Topic> topics) =>
        // Each sentence and place on its own: a name cannot span two of them, so joining them first only copied text.
        Matching(topics, names => e.Sources.Any(s => s.Sentence is { } sentence && names.IsMatch(sentence)) || e.Places.Any(names.IsMatch), e.Actors);

    /// <summary>The topics whose places, keywords or actors this text (or these actors) mention.</summary>
    public static IReadOnlyList<string> TopicsFor(string text, IReadOnlyList<string> actors, IReadOnlyList<Topic> topics) =>
        Matching(topics, names => names.IsMatch(text), actors);

    private static IReadOnlyList<string> Matching(IReadOnlyList<Topic> topics, Func<Regex, bool> named, IReadOnlyList<string> actors)
    {
        if (topics.Count == 0)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var (name, names, topicActors) in Cache.GetValue(topics, Build))
        {
            if (named(names) || actors.Any(topicActors.Contains))
            {
                result.Add(name);
            }
        }

        return result;
    }

    /// <summary>
    /// The topics of each event; an event whose own sentence names no place or actor of any topic ("one civilian was
    /// killed") takes the topics of the article's title and first paragraph, or else those most of its other events have.
    /// </summary>
    public static IReadOnlyList<EventDraft> Tag(IReadOnlyList<EventDraft> events, string opening, IReadOnlyList<Topic> topics)
    {
        var own = events.Select(e => TopicsFor(e, topics)).ToList();
        IReadOnlyList<string> fallback = TopicsFor(opening, [], topics);
        if (fallback.Count == 0)
        {
            fallback = own.SelectMany(t => t).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).Take(1).Select(g => g.Key).ToList();
        }

        return events.Select((e, i) => e with { Topics = own[i].Count > 0 ? own[i] : fallback }).ToList();
    }

    /// <remarks>
    /// Compiled: a topic's names with its sides' aliases run to a few hundred alternatives, asked of every event's
    /// sentences; the interpreter spent a quarter of the extraction time on them. Built once per list of topics.
    /// </remarks>
    private static List<(string, Regex, HashSet<string>)> Build(IReadOnlyList<Topic> topics) =>
        topics.Select(t =>
        {
            var words = t.Places.SelectMany(p => p.AllNames).Concat(t.Sides.SelectMany(s => s.AllNames)).Concat(t.Keywords).Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
            var regex = words.Count == 0
                ? new Regex("(?!)")
                : new Regex(string.Join("|", words.OrderByDescending(w => w.Length).Select(Bounded)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
            return (t.Name, regex, new HashSet<string>(t.Actors.Select(a => a.Name).Concat(t.Sides.Select(s => s.Name)), StringComparer.OrdinalIgnoreCase));
        }).ToList();

    /// <summary>
    /// A name that stands alone: no word character right before or after it. Next to a name's own letter or digit that
    /// is a word boundary (\b), which lets the matcher search for the names' leading letters instead of trying every
    /// position; a name that starts or ends with punctuation keeps the explicit look-around.
    /// </summary>
    private static string Bounded(string name) =>
        (IsWordChar(name[0]) ? @"\b" : @"(?<!\w)") + Regex.Escape(name) + (IsWordChar(name[^1]) ? @"\b" : @"(?!\w)");

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
