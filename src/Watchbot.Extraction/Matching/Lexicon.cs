using System.Text.Json;
using System.Text.RegularExpressions;

using Watchbot.Extraction.Config;
namespace Watchbot.Extraction.Matching;

/// <summary>Named word lists from one lexicon file, each compiled into one case-insensitive regex.</summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, LexiconList> _lists;
    private readonly Dictionary<string, string[]> _entries;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LexiconList> _combined = new();

    // The rules ask for the same combined lists once a sentence, each with its own static array of names: found by the
    // array itself, without joining the names into a key every time.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string[], LexiconList> _combinedByArray = new();

    private Lexicon(string name, Dictionary<string, LexiconList> lists, Dictionary<string, string[]> entries)
    {
        Name = name;
        _lists = lists;
        _entries = entries;
    }

    /// <summary>One regex for several lists: a cheap test of whether a sentence can match any of them at all.</summary>
    public LexiconList Any(params string[] lists) =>
        _combinedByArray.TryGetValue(lists, out var known) ? known : _combinedByArray.GetValue(lists, Combine);

    private LexiconList Combine(string[] lists) =>
        _combined.GetOrAdd(string.Join('|', lists), _ =>
        {
            var entries = lists.SelectMany(l => _entries.TryGetValue(l, out var e) ? e : throw new KeyNotFoundException($"Lexicon '{Name}' has no list '{l}'."))
                .OrderByDescending(e => e.Length).ToList();
            return new LexiconList(Compile(Name, string.Join('+', lists), entries), entries, lists.Select(l => _lists[l]).ToList());
        });

    public string Name { get; }

    /// <summary>The file's own lists (not the combinations made from them).</summary>
    internal IEnumerable<LexiconList> Lists => _lists.Values;

    /// <summary>The compiled list, e.g. <c>lexicon["killedWords"]</c>.</summary>
    public LexiconList this[string list] =>
        _lists.TryGetValue(list, out var regex)
            ? regex
            : throw new KeyNotFoundException($"Lexicon '{Name}' has no list '{list}'; add it to config/lexicons/{Name}.json.");

    public static Lexicon Parse(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var lists = new Dictionary<string, LexiconList>(StringComparer.Ordinal);
        var all = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var entries = property.Value.EnumerateArray()
                .Select(e => e.GetString())
                .Where(e => !string.IsNullOrWhiteSpace(e))
                .Select(e => e!)
                .OrderByDescending(e => e.Length)
                .ToList();
            lists[property.Name] = new LexiconList(Compile(name, property.Name, entries), entries);
            all[property.Name] = [.. entries];
        }

        return new Lexicon(name, lists, all);
    }

    internal static Regex Compile(string file, string list, IReadOnlyList<string> entries)
    {
        // NonBacktracking: one linear scan whatever the number of entries, and no catastrophic patterns from an admin's edit.
        var pattern = entries.Count == 0 ? "[^\\s\\S]" : @"\b(?:" + string.Join("|", entries) + @")\b";
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"Lexicon {file}.json, list '{list}': an entry is not a valid pattern for the linear-time matcher (no lookarounds or backreferences): {e.Message}", e);
        }
    }
}
