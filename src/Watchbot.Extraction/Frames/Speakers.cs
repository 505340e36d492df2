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
        var quoted = s.Quoted(position);
        var candidates = s.Actors.Where(m => m.End <= position && m.Start >= clauseStart && s.Quoted(m.Start) == quoted && !IsObject(s, m)).ToList();
        if (candidates.Count > 0)
        {
            return candidates.OrderByDescending(m => m.End).First();
        }

        if (quoted)
        {
            var outside = s.Actors.Where(m => !s.Quoted(m.Start) && !IsObject(s, m)).ToList();
            var after = outside.Where(m => m.Start > position).OrderBy(m => m.Start).FirstOrDefault();
            return after ?? outside.OrderByDescending(m => m.End).FirstOrDefault(m => m.End <= position);
        }

        return s.Actors.Where(m => m.End <= position && s.Quoted(m.Start) == quoted).OrderByDescending(m => m.End).FirstOrDefault();
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
