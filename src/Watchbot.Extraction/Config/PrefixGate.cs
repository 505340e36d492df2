namespace Watchbot.Extraction.Config;

/// <summary>
/// The leading letters of a lexicon list's entries in a trie, compared ignoring ASCII case: where in a text can one of
/// them start at a word boundary? One walk over the text, a table lookup at each word start and a few steps down the
/// trie where a prefix begins. The lists that gate the rules hold hundreds of prefixes, and a multi-string
/// <see cref="System.Buffers.SearchValues{T}"/> search spent about ten nanoseconds a character verifying candidates for
/// them; this costs about as much as reading the text.
/// </summary>
internal sealed class PrefixGate
{
    private const int Ascii = 128;

    // The root's children by character (most of the branching is there); every other node lists its few children.
    private readonly int[] _root = new int[Ascii];
    private readonly (char Key, int Child)[][] _children;
    private readonly bool[] _end;

    // One bit for each pair of first two characters (see WordStarts.Key) that some prefix can begin with: most word
    // starts are turned away by this one test, before the trie is entered.
    private readonly ulong[] _pairs = new ulong[(1 << 14) / 64];

    // True when some prefix starts with a character other than an ASCII letter or digit: it may start anywhere, not
    // only at the start of a word.
    private readonly bool _startsAnywhere;

    /// <param name="prefixes">Non-empty ASCII strings; one that begins with another one is redundant and may be left out.</param>
    public PrefixGate(IEnumerable<string> prefixes)
    {
        Array.Fill(_root, -1);
        var children = new List<(char Key, int Child)[]>();
        var end = new List<bool>();
        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0 || !System.Text.Ascii.IsValid(prefix))
            {
                throw new ArgumentException($"A gate prefix must be non-empty ASCII: '{prefix}'.", nameof(prefixes));
            }

            _startsAnywhere |= !char.IsAsciiLetterOrDigit(prefix[0]);
            if (prefix.Length == 1)
            {
                for (var second = 0; second < Ascii; second++)
                {
                    Mark(WordStarts.Key(prefix[0], (char)second));
                }
            }
            else
            {
                Mark(WordStarts.Key(prefix[0], prefix[1]));
            }

            var first = Fold(prefix[0]);
            if (_root[first] < 0)
            {
                _root[first] = NewNode();
            }

            var node = _root[first];
            for (var i = 1; i < prefix.Length && !end[node]; i++)
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

            // A prefix that ends here makes every longer one through this node redundant: reaching it is enough.
            end[node] = true;
            children[node] = [];
        }

        (_children, _end) = ([.. children], [.. end]);

        void Mark(int key) => _pairs[key >> 6] |= 1UL << (key & 63);

        int NewNode()
        {
            children.Add([]);
            end.Add(false);
            return end.Count - 1;
        }
    }

    private static int Child((char Key, int Child)[] children, char c)
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

    /// <summary>
    /// The first position where a prefix starts at a possible word boundary: a character that is not an ASCII letter
    /// or digit, or one that follows something other than an ASCII letter, digit or '_'. -1 when there is none.
    /// </summary>
    public int FirstStart(string text)
    {
        if (_startsAnywhere)
        {
            for (var p = 0; p < text.Length; p++)
            {
                if (text[p] < Ascii && (p == 0 || !char.IsAsciiLetterOrDigit(text[p]) || !IsWordChar(text[p - 1])) && StartsAt(text, p))
                {
                    return p;
                }
            }

            return -1;
        }

        WordStarts.Of(text, out var starts, out var keys);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if ((_pairs[key >> 6] & (1UL << (key & 63))) != 0 && StartsAt(text, starts[i]))
            {
                return starts[i];
            }
        }

        return -1;
    }

    private bool StartsAt(string text, int p)
    {
        var node = _root[Fold(text[p])];
        for (var i = p + 1; node >= 0; i++)
        {
            if (_end[node])
            {
                return true;
            }

            node = i < text.Length && text[i] < Ascii ? Child(_children[node], Fold(text[i])) : -1;
        }

        return false;
    }

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static char Fold(char c) => WordStarts.Fold(c);
}
