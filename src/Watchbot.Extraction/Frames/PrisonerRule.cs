using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Extraction.Config;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Frames;

/// <summary>
/// Prisoners of war, detainees or hostages released, exchanged or handed over: a release word ("freed", "handed over",
/// "an exchange") within a few words of a captive noun in one clause, the conflict in view (a side or a place of it in
/// the sentence, or an article about a topic), and the release reported as done: a call, a demand, a plan, an offer, a
/// refusal or a negation before it ("called for the release of", "has yet to free") is not a release. One item a
/// sentence, with the number released when the text gives it.
/// </summary>
public static partial class PrisonerRule
{
    /// <summary>The rule's lexicon file, <c>config/lexicons/prisoners.json</c>.</summary>
    public const string Lexicon = "prisoners";

    public static IReadOnlyList<string> Lists { get; } = ["captives", "releaseVerbs", "releaseNouns", "notYet"];

    private static readonly string[] ReleaseLists = ["releaseVerbs", "releaseNouns"];

    /// <summary>How far apart, in characters, the release word and the captive noun may be.</summary>
    private const int Reach = 60;

    public static IReadOnlyList<FrameItem> Apply(SentenceContext s)
    {
        var lex = s.Config[Lexicon];
        if (!lex["captives"].IsMatch(s.Text) || !lex.Any(ReleaseLists).IsMatch(s.Text) || s.Background || s.OtherTopic is not null)
        {
            return [];
        }

        foreach (var (start, end) in s.Clauses())
        {
            var clause = s.Text[start..end];
            var captive = lex["captives"].Match(clause);
            if (!captive.Success)
            {
                continue;
            }

            var trigger = Trigger(s, start, clause);
            if (trigger is null || !InView(s))
            {
                continue;
            }

            var mentions = s.Mentions.Where(m => m.Start >= start && m.End <= end).ToList();
            var actor = Speakers.Subject(s, start + trigger.Index, start)?.Name
                ?? mentions.FirstOrDefault(m => m.Kind == MentionKind.Actor && m.Start < start + trigger.Index)?.Name;
            var count = CountBefore(s, start + captive.Index);
            var date = s.DateOf(start, end, start + trigger.Index, start + trigger.Index + trigger.Length);
            return
            [
                new FrameItem(
                    EventKind.Prisoners,
                    s.Text,
                    date,
                    mentions.Where(m => m.Kind == MentionKind.Place).Select(m => m.Name).Distinct().ToList(),
                    mentions.Where(m => m.Kind == MentionKind.Actor).Select(m => m.Name).Prepend(actor ?? "").Where(a => a.Length > 0).Distinct().ToList(),
                    Summaries.Clause(actor, EscalationRule.Trim(clause), mentions.Any(m => m.Name == actor)),
                    count is >= 100 ? 3 : 2,
                    Math.Clamp(0.7 - (s.Date.Defaulted ? 0.1 : 0) - (s.Quoted(start + trigger.Index) ? 0.05 : 0), 0.1, 1))
                {
                    ClaimedBy = Claimants.Find(s, start + trigger.Index) is var c && c != "unknown" ? c : null,
                    Paragraph = s.Paragraph,
                },
            ];
        }

        return [];
    }

    /// <summary>The first release word near a captive noun that reports a release as done.</summary>
    private static Match? Trigger(SentenceContext s, int start, string clause)
    {
        var lex = s.Config[Lexicon];
        var captives = lex["captives"].Matches(clause);
        var triggers = lex["releaseVerbs"].Matches(clause).Concat(lex["releaseNouns"].Matches(clause)).OrderBy(m => m.Index);
        foreach (var m in triggers)
        {
            if (!captives.Any(c => Math.Abs(c.Index - m.Index) <= Reach))
            {
                continue;
            }

            // "KYIV, May 14 -": a word of a date is not a modal.
            var from = Math.Max(0, m.Index - 40);
            var before = clause[from..m.Index];
            if (lex["notYet"].Matches(before).Any(w => !s.InDate(start + from + w.Index)) || Infinitive().IsMatch(before) || Future().IsMatch(clause[m.Index..]) || NotOfPeople().IsMatch(clause[m.Index..]))
            {
                continue;
            }

            return m;
        }

        return null;
    }

    /// <summary>A side or a place of the conflict in the sentence, or any name in an article about a topic.</summary>
    private static bool InView(SentenceContext s) =>
        s.Mentions.Any(m => m.Belligerent || (m.Kind == MentionKind.Place && m.Side is not null))
        || (s.ArticleAboutConflict && (s.Mentions.Count > 0 || s.ContextBelligerent));

    /// <summary>The number just before the captive noun ("32 Armenian prisoners", "five hostages"), if any.</summary>
    private static long? CountBefore(SentenceContext s, int captiveStart) =>
        s.Numbers.LastOrDefault(n => n.End <= captiveStart && captiveStart - n.End <= 30 && !n.LooksLikeYear && !n.Vague
            && !s.Text.AsSpan(n.End, captiveStart - n.End).ContainsAny(",;.")) is { } n ? n.Value : null;

    /// <summary>"released from hospital", "released a statement on the hostages": the word frees no captive.</summary>
    [GeneratedRegex(@"^[\w-]+\s+(?:from\s+(?:the\s+)?(?:hospital|clinic)|on\s+bail|(?:a|an|the|its|their|new)\s+(?:\w+\s+)?(?:statement|report|video|footage|photos?|images?|list|names|figures?|details|data|recording))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotOfPeople();

    /// <summary>"is meant to allow the sides to exchange prisoners": a release word after "to" is a purpose, not a report.</summary>
    [GeneratedRegex(@"\bto\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Infinitive();

    /// <summary>"release ... is expected next week": the words after the release word put it in the future.</summary>
    [GeneratedRegex(@"^[^,;]{0,40}?\b(?:is|are|was|were)\s+(?:expected|due|scheduled|planned|set)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Future();

}
