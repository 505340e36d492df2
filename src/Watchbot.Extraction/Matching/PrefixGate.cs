using System.Numerics;

using Watchbot.Extraction.Config;
namespace Watchbot.Extraction.Matching;

/// <summary>
/// The leading letters of up to 64 lexicon lists' entries in one trie, compared ignoring ASCII case: where in a text
/// can each list's first match start? One walk over the text answers for every list at once: at each word start, a
/// table lookup on its first character, another on its first two, and a few steps down the trie from there. The rules
/// ask several lists about the same sentence one after the other, so the answers for the last texts are kept for the
/// thread that asked (strings do not change, so the same instance means the same answers).
/// <para>
/// The lists that gate the rules hold hundreds of prefixes: a multi-string <see cref="System.Buffers.SearchValues{T}"/>
/// search spent about ten nanoseconds a character verifying candidates for each of them, and one walk per list and
/// text still read each sentence a dozen times.
/// </para>
/// </summary>
internal sealed class PrefixGate
{
    public const int MaxLists = 64;

    /// <summary>
    /// Ends a prefix that is a whole entry ("hit", "shelled"): it counts only where a word boundary follows it, as the
    /// lists' closing <c>\b</c> requires, so "hit" is not found in "history". A character outside ASCII after it may be
    /// a letter or not: it counts there.
    /// </summary>
    public const char WholeEntry = '\u0001';
    private const int Ascii = 128;
    private const int CacheSlots = 4;

    // The first two levels of the trie are tables (most of the branching is there): the lists with a one-character
    // prefix by that character, and the node reached after the first two characters by their packed pair (see Key),
    // -1 when no prefix begins with them. With the lists of a whole config in one gate, about three word starts in four
    // get past that lookup (common words begin some prefix), and go on two or three steps. Deeper nodes list their few
    // children.
    private readonly ulong[] _singles = new ulong[Ascii];
    private readonly int[] _pairNodes = new int[1 << 14];

    // Every node in one array (the lists, a bit each, whose prefix ends there; those whose whole entry ends there, which
    // count only before a word boundary; and where its children's edges are),
    // and every edge in another, each node's edges side by side: a walk reads memory close together instead of
    // chasing one small array per node.
    private readonly Node[] _nodes;
    private readonly (char Key, int Child)[] _edges;

    private readonly ulong _all;

    [ThreadStatic]
    private static Answer[]? _answers;

    [ThreadStatic]
    private static int _nextSlot;

    /// <param name="prefixes">One list's prefixes: non-empty ASCII strings.</param>
    public PrefixGate(IEnumerable<string> prefixes)
        : this([prefixes])
    {
    }

    /// <param name="lists">Each list's prefixes (list i answers to bit i): non-empty ASCII strings.</param>
    public PrefixGate(IReadOnlyList<IEnumerable<string>> lists)
    {
        if (lists.Count is 0 or > MaxLists)
        {
            throw new ArgumentException($"A gate serves 1 to {MaxLists} lists, not {lists.Count}.", nameof(lists));
        }

        Array.Fill(_pairNodes, -1);
        var children = new List<(char Key, int Child)[]>();
        var ends = new List<ulong>();
        var wholeEnds = new List<ulong>();
        for (var list = 0; list < lists.Count; list++)
        {
            foreach (var prefix in lists[list])
            {
                Add(prefix, 1UL << list);
            }
        }

        _all = lists.Count == MaxLists ? ulong.MaxValue : (1UL << lists.Count) - 1;
        _nodes = new Node[ends.Count];
        _edges = new (char, int)[children.Sum(c => c.Length)];
        var edge = 0;
        for (var node = 0; node < _nodes.Length; node++)
        {
            _nodes[node] = new Node(ends[node], wholeEnds[node], edge, children[node].Length);
            children[node].CopyTo(_edges, edge);
            edge += children[node].Length;
        }

        void Add(string prefix, ulong bit)
        {
            var whole = prefix.EndsWith(WholeEntry);
            prefix = whole ? prefix[..^1] : prefix;
            if (prefix.Length == 0 || !System.Text.Ascii.IsValid(prefix) || prefix.Contains(WholeEntry, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A gate prefix must be non-empty ASCII: '{prefix}'.", nameof(lists));
            }

            StartsAnywhere |= !char.IsAsciiLetterOrDigit(prefix[0]);

            // A one-character entry is kept as a plain prefix: the table of single characters does not look further.
            if (prefix.Length == 1)
            {
                _singles[Fold(prefix[0])] |= bit;
                return;
            }

            var key = Key(prefix[0], prefix[1]);
            if (_pairNodes[key] < 0)
            {
                _pairNodes[key] = NewNode();
            }

            var node = _pairNodes[key];
            for (var i = 2; i < prefix.Length; i++)
            {
                var c = Fold(prefix[i]);
                var child = Child(children[node], c);
                if (child < 0)
                {
                    child = NewNode();
                    children[node] = [.. children[node], (c, child)];
                }

                node = child;
            }

            if (whole)
            {
                wholeEnds[node] |= bit;
            }
            else
            {
                ends[node] |= bit;
            }
        }

        int NewNode()
        {
            children.Add([]);
            ends.Add(0);
            wholeEnds.Add(0);
            return ends.Count - 1;
        }
    }

    /// <summary>
    /// True when some prefix starts with a character other than an ASCII letter or digit: such a prefix may begin
    /// anywhere, not only at the start of a word, and every position of a text is tried.
    /// </summary>
    public bool StartsAnywhere { get; private set; }

    /// <summary>The number of lists the gate answers for.</summary>
    public int Lists => BitOperations.PopCount(_all);

    /// <summary>The first position where a prefix of any list begins (see <see cref="FirstStart(string, ulong)"/>).</summary>
    public int FirstStart(string text) => FirstStart(text, _all, out _);

    /// <inheritdoc cref="FirstStart(string, ulong, out bool)"/>
    public int FirstStart(string text, ulong lists) => FirstStart(text, lists, out _);

    /// <summary>
    /// The first position where a prefix of one of the <paramref name="lists"/> (a bit each) begins at a possible word
    /// boundary: a character that is not an ASCII letter or digit, or one that follows something other than an ASCII
    /// letter, digit or '_'. -1 when there is none. <paramref name="matched"/> is true when one of the lists' whole
    /// entries was seen in the text between two certain word boundaries (an ASCII character that is not a word
    /// character, or the end of the text, on each side): the list's regex, <c>\b(?:entries)\b</c>, matches the text.
    /// </summary>
    public int FirstStart(string text, ulong lists, out bool matched)
    {
        matched = false;
        if (Kept(text) is not { } answer)
        {
            if (NoneInPiece(text, lists))
            {
                return -1;
            }

            answer = Walked(text);
        }

        matched = (answer.Matched & lists) != 0;

        var first = int.MaxValue;
        for (var found = answer.Found & lists; found != 0; found &= found - 1)
        {
            first = Math.Min(first, answer.First[BitOperations.TrailingZeroCount(found)]);
        }

        return first == int.MaxValue ? -1 : first;
    }

    /// <summary>The answer kept for this very text, or null.</summary>
    private Answer? Kept(string text)
    {
        foreach (var kept in _answers ??= new Answer[CacheSlots])
        {
            if (kept is not null && ReferenceEquals(kept.Gate, this) && ReferenceEquals(kept.Text, text))
            {
                return kept;
            }
        }

        return null;
    }

    /// <summary>
    /// True when none of the <paramref name="lists"/> can begin anywhere in <paramref name="text"/> because it is a piece
    /// (a clause, a window) of a text already walked that holds none of them: every place in the piece where a prefix
    /// may begin is one in the whole text too (the same character before it), except the piece's first character,
    /// which is tried here. The rules ask about many pieces of the sentence they read, mostly for lists the sentence
    /// does not hold at all: answered without walking them.
    /// </summary>
    private bool NoneInPiece(string text, ulong lists)
    {
        foreach (var kept in _answers!)
        {
            if (kept is null || !ReferenceEquals(kept.Gate, this) || (kept.Found & lists) != 0 || kept.Text!.Length <= text.Length
                || !kept.Text.Contains(text, StringComparison.Ordinal))
            {
                continue;
            }

            return text.Length == 0 || text[0] >= Ascii || (ListsAt(text, 0, out _) & lists) == 0;
        }

        return false;
    }

    private Answer Walked(string text)
    {
        var answers = _answers!;
        var slot = _nextSlot;
        _nextSlot = (slot + 1) % CacheSlots;
        var answer = answers[slot] ??= new Answer();
        answer.Gate = null;
        Walk(text, answer);
        (answer.Gate, answer.Text) = (this, text);
        return answer;
    }

    /// <summary>One pass over the text: for each list, the first position where one of its prefixes begins.</summary>
    private void Walk(string text, Answer answer)
    {
        answer.Found = 0;
        answer.Matched = 0;
        if (StartsAnywhere)
        {
            var previousIsWord = false;
            for (var p = 0; p < text.Length; p++)
            {
                var c = text[p];
                if (c < Ascii && (!previousIsWord || !char.IsAsciiLetterOrDigit(c)) && Enter(text, p, answer))
                {
                    return;
                }

                previousIsWord = c < Ascii && IsWordChar(c);
            }

            return;
        }

        // Word by word: a word start is an ASCII letter or digit after anything but an ASCII letter, digit or '_'; the
        // rest of its word is skipped in a tight loop.
        for (var p = 0; p < text.Length;)
        {
            var c = text[p];
            if (c >= Ascii || !IsWordChar(c))
            {
                p++;
                continue;
            }

            if (c != '_' && Enter(text, p, answer))
            {
                return;
            }

            for (p++; p < text.Length && text[p] < Ascii && IsWordChar(text[p]); p++)
            {
            }
        }
    }

    /// <summary>Notes the lists whose prefixes first begin at position <paramref name="p"/>; true once every list has been found.</summary>
    private bool Enter(string text, int p, Answer answer)
    {
        var lists = ListsAt(text, p, out var matched);
        answer.Matched |= matched;

        // Each list's first position is all the callers need: once every list has one, the walk can stop.
        for (var fresh = lists & ~answer.Found; fresh != 0; fresh &= fresh - 1)
        {
            answer.First[BitOperations.TrailingZeroCount(fresh)] = p;
        }

        answer.Found |= lists;
        return answer.Found == _all;
    }

    /// <summary>
    /// The lists (a bit each) with a prefix that begins at position <paramref name="p"/>, an ASCII character: a walk down
    /// the trie. <paramref name="matched"/>: those of them with a whole entry there between two certain word boundaries.
    /// </summary>
    private ulong ListsAt(string text, int p, out ulong matched)
    {
        var c = text[p];
        var lists = _singles[Fold(c)];
        matched = 0;
        if (p + 1 < text.Length && text[p + 1] < Ascii)
        {
            // Whole entries start with an ASCII letter or digit: a word boundary before one is certain at the start of
            // the text or after an ASCII character that is not a word character. After any other character (a letter
            // with an accent, a joiner) only the regex can tell.
            var certainStart = IsWordChar(c) && (p == 0 || (text[p - 1] < Ascii && !IsWordChar(text[p - 1])));
            var node = _pairNodes[Key(c, text[p + 1])];
            for (var i = p + 2; node >= 0; i++)
            {
                var n = _nodes[node];
                lists |= n.Ends;
                if (n.WholeEnds != 0 && BoundaryAt(text, i))
                {
                    lists |= n.WholeEnds;
                    if (certainStart && (i == text.Length || text[i] < Ascii))
                    {
                        matched |= n.WholeEnds;
                    }
                }

                node = i < text.Length && text[i] < Ascii ? Child(_edges.AsSpan(n.FirstEdge, n.Edges), Fold(text[i])) : -1;
            }
        }

        return lists;
    }

    /// <summary>
    /// Whether <c>\b</c> can hold at <paramref name="i"/>, just after an ASCII character: one side a word character
    /// (ASCII letter, digit, '_') and the other not, the end of the text counting as not. A character outside ASCII
    /// may be either, so the answer is yes.
    /// </summary>
    private static bool BoundaryAt(string text, int i)
    {
        var before = IsWordChar(text[i - 1]);
        if (i == text.Length)
        {
            return before;
        }

        return text[i] >= Ascii || before != IsWordChar(text[i]);
    }

    private static int Child(ReadOnlySpan<(char Key, int Child)> children, char c)
    {
        foreach (var (key, child) in children)
        {
            if (key == c)
            {
                return child;
            }
        }

        return -1;
    }

    /// <summary>Two ASCII characters, folded to lower case, packed into a number below 2^14.</summary>
    private static int Key(char first, char second) => Fold(first) << 7 | Fold(second);

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    private readonly record struct Node(ulong Ends, ulong WholeEnds, int FirstEdge, int Edges);

    /// <summary>
    /// What one walk found: the text and gate it belongs to, the lists found, where each was first, and those seen to
    /// match (a whole entry between certain word boundaries; the walk may stop before it sees every such list).
    /// </summary>
    private sealed class Answer
    {
        public PrefixGate? Gate;
        public string? Text;
        public ulong Found;
        public ulong Matched;
        public readonly int[] First = new int[MaxLists];
    }
}
