using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

using Watchbot.Extraction.Config;
namespace Watchbot.Extraction.Matching;

/// <summary>
/// One compiled lexicon list with a gate in front of it. Every entry that starts with plain letters must put those
/// letters at the start of its match, so a match can only start at a word start where one of the entries' leading
/// letters begin (compared ignoring case), and an entry spelled out whole only where a word boundary follows it: a
/// text with none of them is not scanned, and the scan of one that has some starts at the first. The gate only ever skips positions where nothing can match: a list with an entry that starts
/// with a group or an escape, or that holds inline options or a top-level '|', gets no gate, and a text holding a
/// character that the regex folds onto an ASCII letter (the Kelvin sign, say) is always scanned from its start.
/// </summary>
public sealed class LexiconList
{
    private static readonly System.Text.RegularExpressions.Match NoMatch = System.Text.RegularExpressions.Match.Empty;

    /// <summary>Characters outside ASCII that the case-insensitive matcher treats as an ASCII letter.</summary>
    private static readonly SearchValues<char> FoldsOntoAscii = FindFoldingCharacters();

    // The gate, and the bits of this list's lists in it: its own gate at first; one shared with the other lists of
    // the config once ShareGates has run, so that one walk over a sentence answers for all of them.
    private PrefixGate? _gate;
    private ulong _gateLists = 1;

    public LexiconList(Regex regex, IReadOnlyList<string> entries)
    {
        Regex = regex;
        var prefixes = new List<string>(entries.Count);
        foreach (var entry in entries)
        {
            // An entry that spells out all it can match ("kills?", "(?:ceasefire|truce) holds") goes in whole, each
            // spelling needing a word boundary after it; any other by the letters every match starts with.
            var own = WholeSpellings(entry) is { } whole ? whole.Select(w => w + PrefixGate.WholeEntry).ToList() : StartSpellings(entry);
            if (own.Count == 0)
            {
                prefixes = null;
                break;
            }

            prefixes.AddRange(own);
        }

        if (prefixes is { Count: > 0 })
        {
            GatePrefixes = Minimal(prefixes);
            _gate = new PrefixGate(GatePrefixes);
        }
    }

    /// <summary>
    /// A list made of other lists' entries (see <see cref="Lexicon.Any"/>): when they all sit in one shared gate, it
    /// asks that gate about all of their bits, and a sentence already walked for them costs nothing more.
    /// </summary>
    internal LexiconList(Regex regex, IReadOnlyList<string> entries, IReadOnlyList<LexiconList> parts)
        : this(regex, entries)
    {
        if (parts.Count > 0 && parts[0]._gate is { } shared && parts.All(p => ReferenceEquals(p._gate, shared)))
        {
            _gate = shared;
            _gateLists = parts.Aggregate(0UL, (bits, p) => bits | p._gateLists);
        }
    }

    /// <summary>The leading letters some entry's match must start with, or null when the list has no gate.</summary>
    internal string[]? GatePrefixes { get; }

    /// <summary>
    /// Puts the lists' prefixes into shared gates (up to <see cref="PrefixGate.MaxLists"/> lists each), so that the
    /// first question about a text walks it once for all of them. Lists whose prefixes may start inside a word keep
    /// their own gate: the shared walk looks at word starts only. Call before the lists are used.
    /// </summary>
    internal static void ShareGates(IEnumerable<LexiconList> lists)
    {
        var shareable = lists.Where(l => l.GatePrefixes is not null && l._gate is { StartsAnywhere: false, Lists: 1 }).ToList();
        foreach (var group in shareable.Chunk(PrefixGate.MaxLists))
        {
            var gate = new PrefixGate(group.Select(l => (IEnumerable<string>)l.GatePrefixes!).ToList());
            for (var i = 0; i < group.Length; i++)
            {
                (group[i]._gate, group[i]._gateLists) = (gate, 1UL << i);
            }
        }
    }

    public Regex Regex { get; }

    /// <summary>
    /// The prefixes without those that start with another one ("shelled", "shells" go when "shell" is there): wherever
    /// a dropped prefix occurs, the one it starts with occurs too, so the gate finds the same positions with fewer
    /// strings to look for, and the search runs faster.
    /// </summary>
    private static string[] Minimal(List<string> prefixes)
    {
        var distinct = prefixes.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p.TrimEnd(PrefixGate.WholeEntry).Length).ToList();
        var kept = new List<string>(distinct.Count);
        foreach (var prefix in distinct)
        {
            // Only a plain prefix stands for the longer ones it starts: a whole entry needs the boundary after it.
            if (!kept.Exists(k => !k.EndsWith(PrefixGate.WholeEntry) && prefix.StartsWith(k, StringComparison.OrdinalIgnoreCase)))
            {
                kept.Add(prefix);
            }
        }

        return [.. kept];
    }

    /// <summary>Most spellings an entry may have to go into the gate whole; one with more goes in by its prefix.</summary>
    private const int MaxSpellings = 32;

    /// <summary>
    /// Every text the entry can match when it is made of plain characters, single characters made optional with '?',
    /// and groups of such alternatives (themselves optional or not): "kills?" is "kill" or "kills". Null for any other
    /// entry (a class, an escape, a repeat), for one that can match an empty text or starts with a character other
    /// than an ASCII letter or digit, and for one with more than <see cref="MaxSpellings"/> spellings.
    /// </summary>
    internal static IReadOnlyList<string>? WholeSpellings(string entry) =>
        SafeForPrefix(entry) && Spell(entry, out var complete) is var spellings && complete && Usable(spellings)
            ? [.. spellings.Distinct(StringComparer.OrdinalIgnoreCase)]
            : null;

    /// <summary>
    /// The texts one of which starts every match of the entry, spelled out as far as <see cref="WholeSpellings"/> can
    /// read it ("de-escalat" and "deescalat" for "de-?escalat\w*"), or the plain letters in front
    /// (<see cref="LiteralPrefixes"/>) when it cannot read even the first part.
    /// </summary>
    internal static IReadOnlyList<string> StartSpellings(string entry) =>
        SafeForPrefix(entry) && Spell(entry, out _) is var spellings && Usable(spellings)
            ? [.. spellings.Distinct(StringComparer.OrdinalIgnoreCase)]
            : LiteralPrefixes(entry);

    private static bool Usable(List<string> spellings) => spellings.All(w => w.Length > 0 && char.IsAsciiLetterOrDigit(w[0]));

    /// <summary>
    /// The spellings of the pattern's longest leading part made of plain characters, optional single characters and
    /// groups of fully spelled alternatives; <paramref name="complete"/> when that part is the whole pattern.
    /// </summary>
    private static List<string> Spell(string pattern, out bool complete)
    {
        List<string> result = [""];
        complete = false;
        for (var i = 0; i < pattern.Length;)
        {
            List<string> next = [];
            var end = i;
            if (IsPlain(pattern[i]))
            {
                next.Add(pattern[i].ToString());
                end = i + 1;
            }
            else if (pattern.AsSpan(i).StartsWith("(?:") && GroupEnd(pattern, i) is var close && close > 0)
            {
                foreach (var alternative in SplitTopLevel(pattern[(i + 3)..close]))
                {
                    next.AddRange(Spell(alternative, out var whole));
                    if (!whole)
                    {
                        return result;
                    }
                }

                end = close + 1;
            }
            else
            {
                return result;
            }

            if (end < pattern.Length && pattern[end] == '?')
            {
                next.Add("");
                end++;
            }

            // A repeat, or a lazy '?': not spelled out, and the part before it is all that is known.
            if ((end < pattern.Length && pattern[end] is '?' or '*' or '+' or '{') || result.Count * next.Count > MaxSpellings)
            {
                return result;
            }

            result = [.. result.SelectMany(r => next.Select(n => r + n))];
            i = end;
        }

        complete = true;
        return result;
    }

    /// <summary>A character that stands for itself in a pattern (what <see cref="LiteralPrefix"/> reads).</summary>
    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '\'' or '%' or ',' or ':' or ';' or '/' or '&' or '"' or '!' or '=' or '<' or '>' or '@' or '~';

    /// <summary>
    /// Where the first match can start at the earliest (0 when the gate cannot tell), or -1 when the list cannot match
    /// anywhere in <paramref name="text"/>. No match starts before it, so the regex may start its scan there.
    /// <paramref name="matched"/> is true when the gate saw a match itself: one of the entries it holds spelled out
    /// whole, with a certain word boundary on each side.
    /// </summary>
    private int FirstPossibleStart(string text, out bool matched)
    {
        matched = false;
        if (_gate is null || (text.AsSpan().ContainsAnyExceptInRange((char)0, (char)127) && text.AsSpan().ContainsAny(FoldsOntoAscii)))
        {
            return 0;
        }

        // Each entry sits behind \b: a leading letter right after an ASCII letter, digit or '_' cannot start a match.
        return _gate.FirstStart(text, _gateLists, out matched);
    }

    // The scans start where the gate found the first possible match: the regex still sees the whole text (so \b reads
    // the character before), and skips only positions where nothing can start. Trying the pattern at the gate's
    // positions alone, anchored, was measured 2-3 % faster but took two more linear-time regexes a list, and each of
    // those holds some 1.6 MB of tables: 130 MB more a config. A yes-or-no question the gate answered itself (most of
    // the rules' trigger tests: "killed" between two spaces) runs no regex at all.
    public bool IsMatch(string text) => FirstPossibleStart(text, out var matched) is var at && at >= 0 && (matched || Regex.IsMatch(text, at));

    public System.Text.RegularExpressions.Match Match(string text) => FirstPossibleStart(text, out _) is var at && at >= 0 ? Regex.Match(text, at) : NoMatch;

    public IReadOnlyList<System.Text.RegularExpressions.Match> Matches(string text) => FirstPossibleStart(text, out _) is var at && at >= 0 ? Regex.Matches(text, at) : [];

    /// <summary>
    /// Plain letters one of which starts every match of the entry ("soldier" for "soldiers?"; "ceasefire", "truce" for
    /// "(?:ceasefire|truce) holds"), or none when there is no such guarantee.
    /// </summary>
    internal static IReadOnlyList<string> LiteralPrefixes(string entry)
    {
        if (!SafeForPrefix(entry))
        {
            return [];
        }

        if (entry.StartsWith("(?:", StringComparison.Ordinal))
        {
            // A leading group of alternatives: each alternative's own prefix, unless the group may be skipped.
            var close = GroupEnd(entry, 0);
            if (close < 0 || (close + 1 < entry.Length && entry[close + 1] is '?' or '*' or '{'))
            {
                return [];
            }

            var result = new List<string>();
            foreach (var alternative in SplitTopLevel(entry[3..close]))
            {
                var inner = LiteralPrefixes(alternative);
                if (inner.Count == 0)
                {
                    return [];
                }

                result.AddRange(inner);
            }

            return result;
        }

        var prefix = LiteralPrefix(entry);
        return prefix.Length == 0 ? [] : [prefix];
    }

    private static string LiteralPrefix(string entry)
    {
        var sb = new StringBuilder();
        foreach (var c in entry)
        {
            if (IsPlain(c))
            {
                sb.Append(c);
                continue;
            }

            // A quantifier that allows zero makes the character in front of it optional.
            if (c is '?' or '*' or '{' && sb.Length > 0)
            {
                sb.Length--;
            }

            break;
        }

        return sb.ToString();
    }

    /// <summary>
    /// The characters that shape a pattern's groups ('(', ')', '|') outside escapes and character classes, from
    /// <paramref name="from"/> on, each with the group depth around it (for a ')', the depth outside the group it
    /// closes); null when a class is never closed.
    /// </summary>
    private static List<(int Index, char Char, int Depth)>? Structure(string pattern, int from = 0)
    {
        var found = new List<(int, char, int)>();
        var depth = 0;
        for (var i = from; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    // Skip the class: '(' and '|' are plain characters inside it.
                    i = ClassEnd(pattern, i);
                    if (i < 0)
                    {
                        return null;
                    }

                    break;
                case '(':
                    found.Add((i, '(', depth++));
                    break;
                case ')':
                    found.Add((i, ')', --depth));
                    break;
                case '|':
                    found.Add((i, '|', depth));
                    break;
            }
        }

        return found;
    }

    /// <summary>The index of the ')' that closes the group opened at <paramref name="open"/>, or -1.</summary>
    private static int GroupEnd(string entry, int open) =>
        Structure(entry, open)?.Where(c => c is { Char: ')', Depth: 0 }).Select(c => c.Index).DefaultIfEmpty(-1).First() ?? -1;

    private static IEnumerable<string> SplitTopLevel(string body)
    {
        if (Structure(body) is not { } structure)
        {
            return ["("];
        }

        var parts = new List<string>();
        var start = 0;
        foreach (var (index, _, _) in structure.Where(c => c is { Char: '|', Depth: 0 }))
        {
            parts.Add(body[start..index]);
            start = index + 1;
        }

        parts.Add(body[start..]);
        return parts;
    }

    /// <summary>The index of the ']' that closes the class opened at <paramref name="open"/>, or -1.</summary>
    private static int ClassEnd(string entry, int open)
    {
        var i = open + 1;
        if (i < entry.Length && entry[i] == '^')
        {
            i++;
        }

        if (i < entry.Length && entry[i] == ']')
        {
            i++;
        }

        while (i < entry.Length && entry[i] != ']')
        {
            if (entry[i] == '\\')
            {
                i++;
            }

            i++;
        }

        return i < entry.Length ? i : -1;
    }

    /// <summary>No top-level alternation, no unbalanced group, no inline options that could change how later entries match.</summary>
    private static bool SafeForPrefix(string entry) =>
        Structure(entry) is { } structure
        && !structure.Any(c => c.Char switch
        {
            '(' => c.Index + 2 < entry.Length && entry[c.Index + 1] == '?' && entry[c.Index + 2] is not (':' or '=' or '!' or '<' or '>'),
            ')' => c.Depth < 0,
            _ => c.Depth == 0,
        })
        && structure.Count(c => c.Char == '(') == structure.Count(c => c.Char == ')');

    private static SearchValues<char> FindFoldingCharacters()
    {
        var letter = new Regex("[a-z]", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        var all = new StringBuilder(65536);
        for (var c = 128; c <= char.MaxValue; c++)
        {
            all.Append((char)c);
        }

        var folding = new List<char>();
        var text = all.ToString();
        foreach (System.Text.RegularExpressions.Match m in letter.Matches(text))
        {
            folding.Add(m.Value[0]);
        }

        return SearchValues.Create([.. folding]);
    }
}
