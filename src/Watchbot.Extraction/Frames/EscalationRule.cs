using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Extraction.Config;

namespace Watchbot.Extraction.Frames;

/// <summary>
/// Escalations: attacks, shelling, strikes, offensives, captured or "liberated" villages, threats, fire landing in a
/// third country. Needs a belligerent or a place of the conflict in the same clause, and no hypothetical wording.
/// </summary>
public static partial class EscalationRule
{
    private static readonly string[] TriggerLists = ["threatPatterns", "captureVerbs", "attackNouns", "attackVerbs"];

    public static IReadOnlyList<FrameItem> Apply(SentenceContext s)
    {
        if (!s.Config.Escalation.Any(TriggerLists).IsMatch(s.Text) || s.Background || s.OtherTopic is not null)
        {
            return [];
        }

        var lex = s.Config.Escalation;
        var items = new List<FrameItem>();
        foreach (var (start, end) in s.Clauses())
        {
            var clause = s.Text[start..end];
            var threat = lex["threatPatterns"].Match(clause);
            var capture = lex["captureVerbs"].Match(clause);
            if (ClauseBlocker().IsMatch(clause) && !threat.Success)
            {
                continue;
            }

            var clauseMentions = s.Mentions.Where(m => m.Start >= start && m.End <= end).ToList();
            var belligerents = clauseMentions.Where(m => m.Belligerent || (m.Kind == MentionKind.Place && m.Side is not null)).ToList();
            if (belligerents.Count == 0 && !(s.Mentions.Count == 0 && s.ContextBelligerent && s.Sentence.IndexInParagraph > 0))
            {
                continue;
            }

            // Wars elsewhere (Syria, Libya, Iraq) in the same clause without a place of this conflict: not this war.
            if (lex["offTopicPlaces"].IsMatch(clause) && !clauseMentions.Any(m => m.Kind == MentionKind.Place && m.Side is not null) && !threat.Success)
            {
                continue;
            }

            var trigger = FirstTrigger(clause, lex, s.Config.Ceasefire["objects"], threat, capture);
            if (trigger is null)
            {
                continue;
            }
            var accused = Accused().Match(clause[..trigger.Index]);
            var actor = (accused.Success ? clauseMentions.FirstOrDefault(m => m.Kind == MentionKind.Actor && m.Start >= start + accused.Index + accused.Length)?.Name : null)
                ?? Speakers.Subject(s, start + trigger.Index, start)?.Name ?? SubjectActor(s, start + trigger.Index, start);
            var places = clauseMentions.Where(m => m.Kind == MentionKind.Place).Select(m => m.Name).Distinct().ToList();
            var severity = threat.Success && Nuclear().IsMatch(clause) ? 4
                : capture.Success || Offensive().IsMatch(clause) ? 4
                : 3;
            var confidence = (threat.Success ? 0.65 : 0.75) - (s.Date.Defaulted ? 0.1 : 0) - (s.Quoted(trigger.Index + start) ? 0.05 : 0);
            var date = s.DateOf(start, end, start + trigger.Index, start + trigger.Index + trigger.Length);
            items.Add(new FrameItem(
                EventKind.Escalation,
                s.Text,
                date,
                places,
                clauseMentions.Where(m => m.Kind == MentionKind.Actor).Select(m => m.Name).Prepend(actor ?? "").Where(a => a.Length > 0).Distinct().ToList(),
                Summaries.Escalation(actor, Trim(clause), places),
                severity,
                Math.Clamp(confidence, 0.1, 1))
            {
                ClaimedBy = Claimants.Find(s, start + trigger.Index) is var c && c != "unknown" ? c : actor,
                Paragraph = s.Paragraph,
            });
        }

        // One sentence, one escalation: its clauses describe the same thing more often than not.
        return items.Count <= 1 ? items : [items[0] with { Places = items.SelectMany(i => i.Places).Distinct().ToList(), Actors = items.SelectMany(i => i.Actors).Distinct().ToList() }];
    }

    /// <summary>The first attack word that reports something new: not a back-reference ("the shelling"), not negated, not hypothetical, not part of a call to stop.</summary>
    private static Match? FirstTrigger(string clause, Lexicon lex, LexiconList ceasefireObjects, Match threat, Match capture)
    {
        if (threat.Success)
        {
            return threat;
        }

        var excluded = new List<(int Start, int End)>();
        foreach (Match m in TriggerSpans().Matches(clause))
        {
            excluded.Add((m.Index, m.Index + m.Length));
        }

        foreach (Match m in ceasefireObjects.Matches(clause))
        {
            excluded.Add((m.Index, m.Index + m.Length));
        }

        var modals = lex["hypothetical"].Matches(clause).Select(m => m.Index).ToList();
        var candidates = new List<Match>();
        if (capture.Success)
        {
            candidates.Add(capture);
        }

        candidates.AddRange(lex["attackNouns"].Matches(clause));
        candidates.AddRange(lex["attackVerbs"].Matches(clause));
        foreach (var m in candidates.OrderBy(m => m.Index))
        {
            if (excluded.Any(e => m.Index < e.End && m.Index + m.Length > e.Start))
            {
                continue;
            }

            // Only the words just before the trigger matter to these end-anchored tests.
            var before = clause.AsSpan()[Math.Max(0, m.Index - 80)..m.Index];
            if (Negated().IsMatch(before) || IsHypothetical(clause, m.Index, modals))
            {
                continue;
            }

            var pastVerb = m.Value.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || m.Value.ToLowerInvariant() is "hit" or "struck" or "shot down" or "took control of";
            if (!pastVerb && BackReference().IsMatch(before))
            {
                continue;
            }

            return m;
        }

        return null;
    }

    internal static bool IsHypothetical(string clause, int triggerIndex, IReadOnlyList<int> modals)
    {
        if (modals.Count == 0)
        {
            return false;
        }

        // A modal in front of the trigger, or anywhere when the trigger is a bare noun phrase ("A missile attack ... would").
        return modals[0] < triggerIndex || triggerIndex < 3 || Indefinite().IsMatch(clause.AsSpan()[Math.Max(0, triggerIndex - 40)..triggerIndex]);
    }

    /// <summary>The actor doing it: the nearest actor named before the trigger outside quotes, else the first one named.</summary>
    internal static string? SubjectActor(SentenceContext s, int position, int clauseStart)
    {
        var before = s.Mentions.Where(m => m.Kind == MentionKind.Actor && m.End <= position && m.Start >= clauseStart && !s.Quoted(m.Start))
            .OrderByDescending(m => m.End).FirstOrDefault();
        before ??= s.Mentions.Where(m => m.Kind == MentionKind.Actor && !s.Quoted(m.Start)).FirstOrDefault();
        before ??= s.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Actor);
        return before?.Name;
    }

    private static string Trim(string clause)
    {
        var t = clause.Trim().TrimEnd('.', ',', ';');
        return t.Length > 160 ? t[..157] + "..." : t;
    }

    [GeneratedRegex(@"\b(?:the|these|this|that|those|such)\s+(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex BackReference();

    [GeneratedRegex(@"\b(?:not|no|never|n't|nor|without|denied|denies|failed to)\b(?:\s+[\w-]+){0,5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    /// <summary>"accused Armenian forces of firing": the accused is the one said to attack.</summary>
    [GeneratedRegex(@"\b(?:accus\w+|blam\w+)\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Accused();

    [GeneratedRegex(@"\b(?:nuclear|chemical)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Nuclear();

    [GeneratedRegex(@"\b(?:offensive|large-scale|captured|liberated|seized|took control|cities|capital)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Offensive();

    [GeneratedRegex(@"(?:^|\s)(?:a|an|any)\s+(?:\w+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex Indefinite();

    /// <summary>Commentary, not an event: reactions ("condemned the attack"), calls, characterisations ("what he called").</summary>
    [GeneratedRegex(@"\b(?:protesters|demonstrators|rioters|crowds?|mob|proxy wars?|the wars? in|concern over the clashes|de-?escalat\w*|called for|calls for|calling for|condemn\w*|what (?:he|she|they|it) called)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBlocker();

    /// <summary>Time references built on attack words: "nine days after fighting broke out", "since fighting erupted".</summary>
    [GeneratedRegex(@"\b(?:(?:days?|weeks?|hours?|months?)\s+(?:after|since)|after|since|before|when)\s+(?:the\s+)?(?:fighting|clashes|war|hostilities)\s+(?:\w+\s+)?(?:broke\s+out|erupted|began|started|resumed|flared)(?:\s+again)?", RegexOptions.IgnoreCase)]
    private static partial Regex TriggerSpans();
}
