using System.Text.RegularExpressions;
using Watchbot.Extraction.Config;

namespace Watchbot.Extraction.Frames;

/// <summary>Who says so: the actor in front of a speech verb ("Armenian officials said"), or after "according to".</summary>
public static class Claimants
{
    /// <summary>The claimant of the words at <paramref name="position"/>; "unknown" when nobody is named.</summary>
    public static string Find(SentenceContext s, int position = -1)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var v in s.SpeechVerbs)
        {
            if (string.IsNullOrWhiteSpace(v.Value))
            {
                continue;
            }

            string? actor;
            if (v.Value.StartsWith("according", StringComparison.OrdinalIgnoreCase))
            {
                actor = s.Actors.Where(m => m.Start >= v.Index + v.Length && m.Start - (v.Index + v.Length) < 40 && !s.Quoted(m.Start))
                    .Select(SideOrName).FirstOrDefault();
            }
            else
            {
                var subjectStart = SubjectStart(s.Unquoted, v.Index);
                actor = s.Actors.Where(m => m.End <= v.Index && m.Start >= subjectStart && v.Index - m.End < 70 && !s.Quoted(m.Start))
                    .OrderByDescending(m => m.End).Select(SideOrName).FirstOrDefault();
                // After a quote or at the start of a clause the subject may follow the verb ("...," said Armenia's ministry).
                if (s.Unquoted[subjectStart..v.Index].Trim().Length == 0)
                {
                    actor ??= s.Actors.Where(m => m.Start >= v.Index + v.Length && m.Start - (v.Index + v.Length) < 25 && !s.Quoted(m.Start))
                        .Select(SideOrName).FirstOrDefault();
                }
            }

            if (actor is null)
            {
                continue;
            }

            var distance = position < 0 ? 0 : Math.Abs(v.Index - position);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (actor, distance);
            }
        }

        return best ?? "unknown";
    }

    /// <summary>
    /// Where the subject of a speech verb can start: after the comma in front of it (", a military source said"),
    /// skipping relative clauses (", who have not given their losses, said").
    /// </summary>
    private static int SubjectStart(string text, int verb)
    {
        var end = verb;
        while (true)
        {
            // Nothing left in front ("..., said the army" at the very start of a sentence): the subject starts at 0.
            var comma = end > 0 ? text.LastIndexOfAny([',', ';', ':'], end - 1) : -1;
            if (comma < 0)
            {
                return 0;
            }

            var segment = text[(comma + 1)..end].TrimStart();
            var bare = segment.Trim();
            if (segment.StartsWith("who ", StringComparison.OrdinalIgnoreCase) || segment.StartsWith("which ", StringComparison.OrdinalIgnoreCase)
                || bare.Length == 0 || segment.StartsWith("however", StringComparison.OrdinalIgnoreCase)
                || bare.Equals("but", StringComparison.OrdinalIgnoreCase) || bare.Equals("and", StringComparison.OrdinalIgnoreCase)
                || bare.Equals("but also", StringComparison.OrdinalIgnoreCase) || bare.Equals("and also", StringComparison.OrdinalIgnoreCase))
            {
                end = comma;
                continue;
            }

            return comma + 1;
        }
    }

    public static bool Disputed(SentenceContext s) => s.Config.Speech["disputeWords"].IsMatch(s.Unquoted);

    public static string SideOrName(Mention m) => m.Belligerent && m.Side is not null ? m.Side : m.Name;
}
