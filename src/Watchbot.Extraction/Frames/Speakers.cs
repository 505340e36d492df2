using Watchbot.Extraction.Config;

namespace Watchbot.Extraction.Frames;

/// <summary>
/// The actor in subject position before a word: the nearest actor named before it that is not the object of a
/// preposition or verb ("telephoned both Aliyev and Pashinyan", "in Baku"). Inside a quote, the speaker named outside
/// it ("..., Kremlin spokesman Dmitry Peskov said").
/// </summary>
public static class Speakers
{
    private static readonly HashSet<string> ObjectMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "to", "with", "from", "of", "by", "for", "against", "between", "and", "both", "toward", "towards", "into",
        "after", "over", "across", "near", "inside", "within", "about", "than", "like", "as", "via", "behind", "around", "among", "or",
        ",", "told", "met", "asked", "urged", "phoned", "called", "warned", "assured", "informed", "thanked", "visited", "tells", "meets",
    };

    public static Mention? Subject(SentenceContext s, int position, int clauseStart)
    {
        // Loops rather than queries: this runs for every trigger, and each query allocated its iterators and closures.
        // Among equals the first in the sentence wins, as the stable sorts it replaces chose.
        var quoted = s.Quoted(position);
        Mention? nearest = null;
        foreach (var m in s.Mentions)
        {
            if (m.Kind == MentionKind.Actor && m.End <= position && m.Start >= clauseStart && s.Quoted(m.Start) == quoted
                && (nearest is null || m.End > nearest.End) && !IsObject(s, m))
            {
                nearest = m;
            }
        }

        if (nearest is not null)
        {
            return nearest;
        }

        if (quoted)
        {
            // The speaker outside the quote: the first named after it, else the last named before it.
            Mention? after = null, before = null;
            foreach (var m in s.Mentions)
            {
                if (m.Kind != MentionKind.Actor || s.Quoted(m.Start) || IsObject(s, m))
                {
                    continue;
                }

                if (m.Start > position && (after is null || m.Start < after.Start))
                {
                    after = m;
                }

                if (m.End <= position && (before is null || m.End > before.End))
                {
                    before = m;
                }
            }

            return after ?? before;
        }

        Mention? last = null;
        foreach (var m in s.Mentions)
        {
            if (m.Kind == MentionKind.Actor && m.End <= position && s.Quoted(m.Start) == quoted && (last is null || m.End > last.End))
            {
                last = m;
            }
        }

        return last;
    }

    private static bool IsObject(SentenceContext s, Mention m)
    {
        var index = s.TokenIndexAt(m.Start);
        if (index <= 0)
        {
            return false;
        }

        var previous = s.Tokens[index - 1].Text;
        if (ObjectMarkers.Contains(previous))
        {
            return true;
        }

        // "called Pashinyan", "accused Baku": the object of a verb.
        return previous.Length > 3 && char.IsLower(previous[0]) && previous.EndsWith("ed", StringComparison.Ordinal);
    }
}
