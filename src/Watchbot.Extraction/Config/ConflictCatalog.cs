using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Watchbot.Core.Topics;

namespace Watchbot.Extraction.Config;

/// <summary>
/// Which topics an article is about, and the <see cref="Conflict"/> to read it against. A topic counts the names it
/// declares (sides, places, keywords) in the title (three times), the first paragraph (twice) and the rest; the topics
/// named at least half as often as the most named one are the article's. Built once per list of topics.
/// </summary>
public sealed class ConflictCatalog
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Topic>, ConditionalWeakTable<Gazetteer, ConflictCatalog>> Cache = new();

    private readonly Gazetteer _generic;
    private readonly IReadOnlyList<Topic> _topics;
    private readonly Gazetteer _names;
    private readonly ConcurrentDictionary<string, Conflict> _conflicts = new(StringComparer.Ordinal);

    private ConflictCatalog(Gazetteer generic, IReadOnlyList<Topic> topics)
    {
        _generic = generic;
        _topics = topics;
        _names = new Gazetteer(topics.SelectMany(t => Conflict.Entries(t).Where(e => e.Belligerent || e.Kind == MentionKind.Place)
            .Append(new GazetteerEntry(t.Name, MentionKind.Keyword, null, false, t.Keywords, t.Name))).ToList());
    }

    /// <summary>The catalog of <paramref name="topics"/>, kept as long as the list is.</summary>
    public static ConflictCatalog For(Gazetteer generic, IReadOnlyList<Topic> topics) =>
        Cache.GetOrCreateValue(topics).GetValue(generic, g => new ConflictCatalog(g, topics));

    /// <summary>The conflict of the topics the article names most, or <see cref="Conflict.None"/> when it names none.</summary>
    public Conflict Choose(string title, IReadOnlyList<string> paragraphs)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string text, int weight)
        {
            foreach (var m in _names.Find(text))
            {
                scores[m.Topic!] = scores.GetValueOrDefault(m.Topic!) + weight;
            }
        }

        Count(title, 3);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            Count(paragraphs[i], i == 0 ? 2 : 1);
        }

        if (scores.Count == 0)
        {
            return Conflict.None(_generic);
        }

        var best = scores.Values.Max();
        var chosen = _topics.Where(t => scores.GetValueOrDefault(t.Name) * 2 >= best && scores.ContainsKey(t.Name))
            .OrderByDescending(t => scores[t.Name]).ToList();
        return _conflicts.GetOrAdd(string.Join('\n', chosen.Select(t => t.Name)), _ => Conflict.Of(_generic, chosen));
    }
}
