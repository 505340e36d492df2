using System.Text.RegularExpressions;
using Watchbot.Extraction.Config;

namespace Watchbot.Extraction.Frames;

/// <summary>
/// Who says so. A sentence's own claimant is the actor, side or place (by metonymy: "Stepanakert confirms") in
/// front of a speech verb or after "according to", else an unnamed source the text describes ("local officials",
/// "media reports"). A figure takes its sentence's claimant; when the sentence names none, the attribution the text
/// gives around it: a pronoun or "the report" speaks for the last source the article named, a sentence continues its
/// paragraph's source, "This was stated by ..." gives its source to the sentence before; else the figure is the outlet's
/// own count. "unknown" only when none of these is there.
/// </summary>
public static partial class Claimants
{
    public const string Unknown = "unknown";

    /// <summary>The claimant of the words at <paramref name="position"/> named in the sentence itself; "unknown" when nobody is.</summary>
    public static string Find(SentenceContext s, int position = -1) => Own(s, position).Name ?? Unknown;

    /// <summary>Who claims a figure in this sentence, following the attribution the text gives around it.</summary>
    public static string ForFigure(SentenceContext s, int position = -1)
    {
        var (own, anaphoric) = Own(s, position);
        if (own is not null)
        {
            return own;
        }

        // "It said Azerbaijan had lost 200 troops": a pronoun speaks for the source named before, not for a side it mentions.
        if (anaphoric && PronounSource(s) is { } previousSource)
        {
            return previousSource;
        }

        // "..., the government said": a body the sentence does not name is the one side it names, else the last source named.
        if (anaphoric)
        {
            var sides = s.Mentions.Where(m => m.Side is not null && !s.Quoted(m.Start)).Select(m => m.Side!).Distinct().ToList();
            if (sides.Count == 1)
            {
                return sides[0];
            }

            // "the defence ministry said" in a war of one state against an armed group: a ministry, government or army is the state's.
            if (StateOrgan().IsMatch(s.Unquoted) && s.Conflict.SoleState() is { } state)
            {
                return state;
            }

            if (s.LastNamedClaimant is { } last)
            {
                return last;
            }
        }

        if (s.Previous is { } previous && previous.Paragraph == s.Paragraph && Own(previous, -1).Name is { } carried)
        {
            return carried;
        }

        if (s.Next is { } next && BackReference().IsMatch(next.Text))
        {
            // The source of a "This was stated ..." sentence is whoever it names: "in a statement of the Security Council".
            var following = new SentenceContext(next, s.Published, s.Config) { Conflict = s.Conflict };
            if (following.Mentions.FirstOrDefault(m => IsSource(m) && !following.Quoted(m.Start)) is { } stated)
            {
                return SideOrName(stated);
            }
        }

        return Outlet(s) ?? Unknown;
    }

    /// <summary>The outlet, as the actor it names when it names one ("UNHCR press release" is UNHCR), else its own name.</summary>
    private static string? Outlet(SentenceContext s)
    {
        if (string.IsNullOrWhiteSpace(s.Outlet))
        {
            return null;
        }

        // "bbabo.net (English translation of Russian press)": what is in brackets describes the outlet, it is not its name.
        var paren = s.Outlet.IndexOf('(', StringComparison.Ordinal);
        var name = (paren > 0 ? s.Outlet[..paren] : s.Outlet).Trim();
        // Only a name the outlet starts with is the outlet ("UNHCR press release"), not one inside its name ("Daily News Egypt").
        var named = s.Conflict.Gazetteer.Find(name).FirstOrDefault(m => m.Kind == MentionKind.Actor && m.Start == 0);
        if (named is not null)
        {
            return SideOrName(named);
        }

        return name.Length > 0 ? name : null;
    }

    /// <summary>The sentence's own claimant, and whether a speech verb had a subject that points back (a pronoun, "the report").</summary>
    private static (string? Name, bool Anaphoric) Own(SentenceContext s, int position)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var anaphoric = false;
        foreach (var v in s.SpeechVerbs)
        {
            if (string.IsNullOrWhiteSpace(v.Value))
            {
                continue;
            }

            string? actor;
            if (v.Value.StartsWith("according", StringComparison.OrdinalIgnoreCase))
            {
                var from = v.Index + v.Length;
                actor = s.Mentions.Where(m => IsSource(m) && m.Start >= from && m.Start - from < 40 && !s.Quoted(m.Start))
                    .Select(SideOrName).FirstOrDefault() ?? Source(s, from, Math.Min(s.Text.Length, from + 40), atStart: true);

                // "according to the ministry": the body the article named before.
                if (actor is null && Anaphor().IsMatch(s.Unquoted.AsSpan(from, Math.Min(40, s.Unquoted.Length - from))))
                {
                    anaphoric = true;
                }
            }
            else
            {
                var subjectStart = SubjectStart(s.Unquoted, v.Index);
                var subjectMentions = s.Mentions.Where(m => IsSource(m) && m.End <= v.Index && m.Start >= subjectStart && v.Index - m.End < 70 && !s.Quoted(m.Start)).ToList();
                actor = subjectMentions.Where(m => m.Kind == MentionKind.Actor || v.Index - m.End <= 2 || Organ().IsMatch(s.Text.AsSpan()[m.End..v.Index]))
                    .OrderByDescending(m => m.End).Select(SideOrName).FirstOrDefault();

                // "Armenian authorities who run Nagorno-Karabakh said": an ally's people in a place speak for that place's side.
                if (actor is not null && subjectMentions.LastOrDefault(m => m.Kind == MentionKind.Place && m.Side is not null) is { } where
                    && where.Side != actor && s.Conflict.SameCamp(actor, where.Side!))
                {
                    actor = where.Side;
                }

                // "This was announced in a release of the defence council": a passive verb's source follows it.
                if (actor is null && PassiveSource().Match(s.Unquoted, v.Index + v.Length) is { Success: true } passive && passive.Index - (v.Index + v.Length) < 40)
                {
                    var end = Math.Min(s.Text.Length, passive.Index + passive.Length + 60);
                    actor = s.Mentions.Where(m => IsSource(m) && m.Start >= passive.Index && m.Start < end && !s.Quoted(m.Start)).Select(SideOrName).FirstOrDefault();
                }
                var subject = s.Unquoted[subjectStart..v.Index];

                // After a quote or at the start of a clause the subject may follow the verb ("...," said Armenia's ministry).
                if (subject.Trim().Length == 0)
                {
                    var from = v.Index + v.Length;
                    actor ??= s.Mentions.Where(m => m.Kind == MentionKind.Actor && m.Start >= from && m.Start - from < 25 && !s.Quoted(m.Start))
                        .Select(SideOrName).FirstOrDefault();
                    if (actor is null && Anaphor().IsMatch(s.Unquoted.AsSpan(from, Math.Min(30, s.Text.Length - from))))
                    {
                        anaphoric = true;
                    }
                }
                else if (actor is null && Anaphor().IsMatch(subject.Trim()))
                {
                    anaphoric = true;
                }

                // "Its prosecutor general's office said": the office of the body named before, not an unnamed prosecutor.
                if (actor is null && Possessive().IsMatch(subject))
                {
                    anaphoric = true;
                    continue;
                }

                // "the Prosecutor General's Office informed": an office of the body the article named before, not an unnamed prosecutor.
                if (actor is null && anaphoric && Institution().IsMatch(subject))
                {
                    continue;
                }

                actor ??= Source(s, subjectStart, v.Index, atStart: false);
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

        return (best, anaphoric && best is null);
    }

    private static bool IsSource(Mention m) => m.Kind == MentionKind.Actor || (m.Kind == MentionKind.Place && m.Side is not null);

    /// <summary>An unnamed source the text describes in [start, end): "local officials", "media reports", "witnesses".</summary>
    private static string? Source(SentenceContext s, int start, int end, bool atStart)
    {
        if (end <= start)
        {
            return null;
        }

        var span = s.Unquoted[start..end];
        var m = s.Config.Speech["sourceNouns"].Match(span);
        if (!m.Success || (atStart && span[..m.Index].Trim().Length > 12))
        {
            return null;
        }

        return Article().Replace(m.Value, "").ToLowerInvariant();
    }

    /// <summary>
    /// Where the subject of a speech verb can start: after the comma in front of it (", a military source said"),
    /// skipping relative clauses (", who have not given their losses, said").
    /// </summary>
    private static int SubjectStart(string text, int verb)
    {
        var end = verb;
        var aside = false;
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
            // "Mozambican troops, deployed since 2021 to help, said": an aside between commas right before the verb.
            if (aside && (Participle().IsMatch(segment) || ProperName().IsMatch(bare)))
            {
                end = comma;
                aside = false;
                continue;
            }

            aside = bare.Length == 0;
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

    public static string SideOrName(Mention m) => m.Side is not null && (m.Belligerent || m.Kind == MentionKind.Place) ? m.Side : m.Name;

    /// <summary>A subject that points back to a source named before: a pronoun, or the document or body the article spoke of.</summary>
    [GeneratedRegex(@"^\s*(?:he|she|they|it|the (?:[\w'’-]+\s+){0,2}?(?:report|statement|release|communiqu[eé]|ministry|government|army|military|command|spokes(?:man|woman|person)|office|council|authorities|source|agency|organi[sz]ation|group|document|press release))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anaphor();

    /// <summary>The source named before, when a pronoun speaks in this sentence ("It said ...", "..., he said"); else null.</summary>
    public static string? PronounSource(SentenceContext s) => PronounSpeaks().IsMatch(s.Unquoted) ? s.LastNamedClaimant : null;

    [GeneratedRegex(@"\b(?:it|he|she|they)\s+(?:also\s+)?(?:said|says|added|claimed|reported|stated|told|insisted|declared)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounSpeaks();

    /// <summary>"The army spokesman, Lul Ruai Koang, said": a name set off by commas after the role it names.</summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}\p{Lu}[\p{L}'’-]+$")]
    private static partial Regex ProperName();

    [GeneratedRegex(@"^(?:[a-z]+(?:ed|ing)|based|backed|known|seen|born|led)\s")]
    private static partial Regex Participle();

    [GeneratedRegex(@"^\s*the\s+(?:[\w'’-]+\s+){0,3}?(?:office|ministry|government|command|council|authorities)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Institution();

    [GeneratedRegex(@"^\s*(?:Its|Their|its|their)\s+")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\bthe (?:[\w-]+\s+)?(?:ministry|government|army|military|armed forces|presidency|cabinet)(?:['’]s)?(?:\s+spokes(?:man|woman|person))?(?:,[^,]{1,40},)?\s+(?:said|says|stated|announced|reported|confirmed|added)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StateOrgan();

    /// <summary>"This was announced in a release of ...", "It was reported by ...": a sentence that gives the one before it its source.</summary>
    [GeneratedRegex(@"^\s*(?:This|That|It|These (?:figures|numbers)|The (?:figures?|numbers?|toll))\s+(?:is|was|were|are|has been|have been)\s+(?:\w+ly\s+)?(?:stated|said|reported|announced|confirmed|published|given)\b")]
    private static partial Regex BackReference();

    /// <summary>"Karabakh's ombudsman said", "the Karabakh defence army said": a place's body speaks for the place's side.</summary>
    [GeneratedRegex(@"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:army|forces|military|authorities|officials?|government|ministry|ombudsman|leaders?|command|president|spokes(?:man|woman|person)|office|administration|council|service|services|agency|committee|department|police|prosecutors?|mayor|governor)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Organ();

    [GeneratedRegex(@"\b(?:by|in a (?:statement|report|release|communiqu[eé]|message))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveSource();

    /// <summary>
    /// The claimant a sentence names for whoever reads on: its own, or (when a pronoun or "the government" speaks) the
    /// one side the sentence names.
    /// </summary>
    public static string Named(SentenceContext s)
    {
        var (own, anaphoric) = Own(s, -1);
        if (own is not null)
        {
            return own;
        }

        var sides = anaphoric ? s.Mentions.Where(m => m.Side is not null && !s.Quoted(m.Start)).Select(m => m.Side!).Distinct().ToList() : [];
        return sides.Count == 1 ? sides[0] : Unknown;
    }

    [GeneratedRegex(@"^(?:an?|the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();
}
