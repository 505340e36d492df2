using System.Text.Json;
using System.Text.RegularExpressions;

namespace Watchbot.Extraction.Config;

public enum MentionKind { Actor, Place, Keyword }

/// <summary>A gazetteer entry found in a text: where, what it is, and which belligerent it stands for.</summary>
public sealed record Mention(int Start, int End, string Text, MentionKind Kind, string Name, string? Side, bool Belligerent, string? Topic = null);

/// <summary>A name to find: an actor, place or keyword, the side it stands for, and the topic that declares it (null: every conflict's).</summary>
public sealed record GazetteerEntry(string Name, MentionKind Kind, string? Side, bool Belligerent, IReadOnlyList<string> Aliases, string? Topic = null);

/// <summary>
/// Names found in a text, each alias on word boundaries and with its case. <c>config/gazetteer.json</c> holds what every
/// conflict shares (international bodies and the powers that speak about every war); a <see cref="Conflict"/> adds the
/// sides, places and actors of the topics an article is about.
/// </summary>
public sealed partial class Gazetteer
{
    [GeneratedRegex(@"^-(?:language|speaking|made|born|style|built|based|brokered|mediated|sponsored)\b")]
    private static partial Regex NotAnActor();

    private readonly Dictionary<string, string[]> _byFirstWord;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    private static string FirstWord(string alias)
    {
        var end = 0;
        while (end < alias.Length && char.IsLetterOrDigit(alias[end]))
        {
            end++;
        }

        return alias[..Math.Max(end, Math.Min(1, alias.Length))];
    }
    private readonly Dictionary<string, List<GazetteerEntry>> _byAlias;

    public Gazetteer(IReadOnlyList<GazetteerEntry> entries)
    {
        Entries = entries;
        _byAlias = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var alias in entry.Aliases.Append(entry.Name).Distinct())
            {
                if (!_byAlias.TryGetValue(alias, out var list))
                {
                    _byAlias[alias] = list = [];
                }

                list.Add(entry);
            }
        }

        // Aliases by their first word, longest first: a scan looks up each word of the text once.
        _byFirstWord = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in _byAlias.Keys.GroupBy(FirstWord))
        {
            _byFirstWord[group.Key] = [.. group.OrderByDescending(a => a.Length)];
        }

        _firstWordLookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in _byFirstWord.Keys.Where(w => w.Length > 0))
        {
            if (word[0] < 128)
            {
                _asciiFirst[word[0]] = true;
            }

            _lengths |= word.Length < 64 ? 1UL << word.Length : 1UL << 63;
        }
    }

    // What the first words of the aliases look like: most words of a text ("the", "said") start with a letter no alias
    // starts with, or have a length none has, and are passed over without hashing them.
    private readonly bool[] _asciiFirst = new bool[128];
    private readonly ulong _lengths;

    private bool MayBeFirstWord(ReadOnlySpan<char> word) =>
        (word[0] >= 128 || _asciiFirst[word[0]]) && (_lengths & (word.Length < 64 ? 1UL << word.Length : 1UL << 63)) != 0;

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Every place and actor mention in <paramref name="text"/>, in order. A name that is both (Baku) yields both.</summary>
    public IReadOnlyList<Mention> Find(string text)
    {
        var found = new List<Mention>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            var matched = 0;
            if (MayBeFirstWord(text.AsSpan(i, end - i)) && _firstWordLookup.TryGetValue(text.AsSpan(i, end - i), out var candidates))
            {
                foreach (var alias in candidates)
                {
                    var after = i + alias.Length;
                    if (text.AsSpan(i).StartsWith(alias, StringComparison.Ordinal) && (after >= text.Length || !char.IsLetterOrDigit(text[after])))
                    {
                        matched = alias.Length;
                        // "Russian-language", "Russian-made": an adjective about something else.
                        if (!NotAnActor().IsMatch(text.AsSpan(after)))
                        {
                            foreach (var entry in _byAlias[alias])
                            {
                                found.Add(new Mention(i, after, alias, entry.Kind, entry.Name, entry.Side, entry.Belligerent, entry.Topic));
                            }
                        }

                        break;
                    }
                }
            }

            i = matched > 0 ? i + matched : end;
        }

        return found;
    }

    public static Gazetteer Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var entries = new List<GazetteerEntry>();
        foreach (var (property, kind) in new[] { ("actors", MentionKind.Actor), ("places", MentionKind.Place) })
        {
            if (!root.TryGetProperty(property, out var array))
            {
                continue;
            }

            foreach (var item in array.EnumerateArray())
            {
                var name = item.GetProperty("name").GetString() ?? throw new InvalidDataException("gazetteer.json: an entry has no name.");
                var side = item.TryGetProperty("side", out var s) ? s.GetString() : null;
                var belligerent = item.TryGetProperty("belligerent", out var b) && b.GetBoolean();
                var aliases = item.TryGetProperty("aliases", out var a)
                    ? a.EnumerateArray().Select(x => x.GetString()).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!).ToList()
                    : [];
                entries.Add(new GazetteerEntry(name, kind, side ?? (belligerent ? name : null), belligerent, aliases));
            }
        }

        return new Gazetteer(entries);
    }
}
