using System.Text.RegularExpressions;
using Watchbot.Core.Events;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Frames;

/// <summary>
/// Ceasefire statements and their stance: a call (calls for a ceasefire, urges restraint, "must stop clashes"), an
/// agreement, a ceasefire in force, a violation, or a rejection (rejected, ruled out, dismissed calls). One item per
/// clause, with the actor who made the statement.
/// </summary>
public static partial class CeasefireRule
{
    private static readonly string[] StatementLists = ["objects", "inForce", "accordEnd"];

    public static IReadOnlyList<FrameItem> Apply(SentenceContext s)
    {
        var lex = s.Config.Ceasefire;
        var answer = AnswerToCall(s, lex);
        if ((answer is null && !lex.Any(StatementLists).IsMatch(s.Text)) || s.Background)
        {
            return [];
        }

        var items = new List<FrameItem>();
        foreach (var (start, end) in s.Clauses())
        {
            var clause = s.Text[start..end];
            var objectMatch = lex["objects"].Match(clause);
            var inForceMatch = lex["inForce"].Match(clause);
            var accordEnd = EndOfPeaceAccord(lex, clause);
            var answered = answer is { } a && a.Index >= start && a.Index < end ? a : null;
            if (!objectMatch.Success && !inForceMatch.Success && accordEnd is null && answered is null)
            {
                continue;
            }

            if (!Relevant(s, start, end))
            {
                continue;
            }

            CeasefireStance? stance = null;
            Match? trigger = null;
            if (lex["negatedCall"].IsMatch(clause))
            {
                continue;
            }

            if (accordEnd is not null && !Hypothetical().IsMatch(clause))
            {
                (stance, trigger) = (CeasefireStance.Rejection, accordEnd);
            }
            else if (answered is not null && !objectMatch.Success)
            {
                (stance, trigger) = (CeasefireStance.Rejection, lex["rejection"].Match(clause) is { Success: true } r ? r : objectMatch);
            }
            else if (lex["agreement"].Match(clause) is { Success: true } agreement && !Hypothetical().IsMatch(clause))
            {
                (stance, trigger) = (CeasefireStance.Agreement, agreement);
            }
            else if (lex["violation"].Match(clause) is { Success: true } violation)
            {
                (stance, trigger) = (CeasefireStance.Violation, violation);
            }
            else if (inForceMatch.Success)
            {
                (stance, trigger) = (CeasefireStance.InForce, inForceMatch);
            }
            else if (lex["rejection"].Match(clause) is { Success: true } rejection && Near(rejection, objectMatch, 80))
            {
                (stance, trigger) = (CeasefireStance.Rejection, rejection);
            }
            else if (lex["callVerbs"].Match(clause) is { Success: true } call && Near(call, objectMatch, 90) && !WeakObjectOnly(objectMatch, clause))
            {
                (stance, trigger) = (CeasefireStance.Call, call);
            }

            if (stance is null || trigger is null || !trigger.Success)
            {
                continue;
            }

            // "the UN has repeatedly called for a truce since the war began": a recap of months of appeals, not news.
            if (stance is CeasefireStance.Call or CeasefireStance.Violation && EscalationRule.IsRecap(s, clause))
            {
                continue;
            }

            var subject = Speakers.Subject(s, start + trigger.Index, start);
            var actor = (subject is not null && !MadeAt(s, subject) ? subject.Name : null) ?? Speaker(s, start, start + trigger.Index)
                        // "'There will be no ceasefire until then,' he said": the side whose speaker the sentence before named.
                        ?? (Claimants.PronounSource(s) is { } source && s.Conflict.IsSide(source) ? source : null);

            // "An earlier truce between Armenia and Azerbaijan broke down": the truce is the subject; only a source that says
            // so reports it, not the parties it names.
            if (stance == CeasefireStance.Violation && Strong().Match(trigger.Value) is { Success: true, Index: 0 })
            {
                actor = Claimants.Find(s, start + trigger.Index) is var said && said != Claimants.Unknown ? said : null;
            }

            // "with both sides accusing each other of breaking it": nobody in particular reports the violation.
            if (stance == CeasefireStance.Violation && MutualBlame().IsMatch(clause))
            {
                actor = "both sides";
            }
            var date = s.DateOf(start, end, start + trigger.Index, start + trigger.Index + trigger.Length);
            var places = s.Places.Where(m => m.Start >= start && m.End <= end).Select(m => m.Name).Distinct().ToList();
            var actors = s.Actors.Where(m => m.Start >= start && m.End <= end).Select(m => m.Name).Prepend(actor ?? "").Where(a => a.Length > 0).Distinct().ToList();
            items.Add(new FrameItem(
                EventKind.Ceasefire,
                s.Text,
                date,
                places,
                actors,
                Summaries.Ceasefire(actor, stance.Value),
                Severity.Of(stance.Value),
                Math.Clamp(0.8 - (s.Date.Defaulted ? 0.1 : 0) - (actor is null ? 0.2 : 0), 0.1, 1))
            {
                Stance = stance,
                ClaimedBy = actor,
                Paragraph = s.Paragraph,
            });
        }

        return items;
    }

    /// <summary>
    /// "The prime minister rejected the call": a refusal of a call, appeal or proposal the sentence before made about a
    /// ceasefire or talks is a rejection of them, though this sentence names neither. The refusal's position in the text.
    /// </summary>
    private static System.Text.RegularExpressions.Match? AnswerToCall(SentenceContext s, Lexicon lex)
    {
        if (s.Previous is not { } before || !lex["objects"].IsMatch(before.Text))
        {
            return null;
        }

        var m = RefusedReference().Match(s.Text);
        return m.Success ? m : null;
    }

    [GeneratedRegex(@"\b(?:rejected|rejects|dismissed|dismisses|refused|refuses|turned down|ruled out|spurned|brushed aside)\s+(?:the|this|that|these|those|such|all)\s+(?:\w+\s+)?(?:calls?|appeals?|proposals?|offers?|demands?|plans?|initiative|overtures?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefusedReference();

    /// <summary>
    /// "announced the end of the Algiers agreement", "pulled out of the peace deal": a party ending an accord rejects the
    /// peace it stood for. An accord about defence, trade or other business is not a peace accord.
    /// </summary>
    private static System.Text.RegularExpressions.Match? EndOfPeaceAccord(Lexicon lex, string clause)
    {
        var m = lex["accordEnd"].Match(clause);
        return m.Success && !lex["notPeace"].IsMatch(m.Value) ? m : null;
    }

    /// <summary>The conflict must be in view: a belligerent, a place of the war, or a ceasefire word plus "both sides"/"parties".</summary>
    private static bool Relevant(SentenceContext s, int start, int end)
    {
        var clause = s.Text[start..end];

        // "It came into effect at noon": a statement that points back at the truce the sentence before spoke of.
        if (PointsBack().IsMatch(clause) && s.Previous is { } previous && Strong().IsMatch(previous.Text))
        {
            return true;
        }

        return s.NamesBelligerent || Parties().IsMatch(clause) || ((s.ContextBelligerent || s.ArticleAboutConflict) && Strong().IsMatch(clause));
    }

    [GeneratedRegex(@"\b(?:ceasefire|cease-fire|cease fire|truce|cessation of hostilities|armistice|end (?:to )?(?:the )?hostilities)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Strong();

    [GeneratedRegex(@"\b(?:accus\w*|blam\w*)\s+(?:each other|one another)\b|\btrad\w+\s+(?:blame|accusations)\b|\beach\s+(?:(?:side|country|party|government)\s+)?(?:accus|blam)\w*\s+the other\b", RegexOptions.IgnoreCase)]
    private static partial Regex MutualBlame();

    [GeneratedRegex(@"^\s*(?:It|The deal|The agreement|The accord|The truce|That truce|The pause)\b")]
    private static partial Regex PointsBack();

    /// <summary>"agreed in Moscow", "signed in Geneva": where something was made, not who speaks.</summary>
    private static bool MadeAt(SentenceContext s, Config.Mention m)
    {
        var index = s.TokenIndexAt(m.Start);
        return index >= 2 && s.Tokens[index - 1].Text is "in" or "at"
               && s.Tokens[index - 2].Text is var verb && verb.Length > 3 && char.IsLower(verb[0]) && verb.EndsWith("ed", StringComparison.Ordinal);
    }

    private static bool Near(Match a, Match b, int distance) => !b.Success || Math.Abs(a.Index - b.Index) <= distance;

    /// <summary>"talks" or "negotiations" alone only count after "call for"/"urge", not after "asked" or "reiterated".</summary>
    private static bool WeakObjectOnly(Match objectMatch, string clause) =>
        Weak().IsMatch(objectMatch.Value) && !StrongCall().IsMatch(clause);

    /// <summary>
    /// Who made the statement: the nearest actor named before the trigger outside quotes; when the statement is a quote,
    /// the actor named outside it ("..., Kremlin spokesman Dmitry Peskov said").
    /// </summary>
    private static string? Speaker(SentenceContext s, int clauseStart, int position)
    {
        // "An earlier truce, agreed in Moscow, broke down": a place where it was made is not who speaks.
        var before = s.Actors.Where(m => m.End <= position && !s.Quoted(m.Start) && !s.Quoted(position) && m.Start >= clauseStart && !MadeAt(s, m))
            .OrderByDescending(m => m.End).FirstOrDefault();
        if (before is not null)
        {
            return before.Name;
        }

        var outside = s.Actors.Where(m => !s.Quoted(m.Start) && !MadeAt(s, m)).ToList();
        var after = outside.Where(m => m.Start >= position).OrderBy(m => m.Start).FirstOrDefault();
        return (after ?? outside.OrderByDescending(m => m.End).FirstOrDefault(m => m.End <= position))?.Name;
    }

    [GeneratedRegex(@"\b(?:both sides|all sides|the parties|all parties|the two sides|the sides|warring|(?:both|the two) (?:countries|nations|governments|leaders|neighbou?rs|armies))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Parties();

    [GeneratedRegex(@"^(?:talks|negotiations?|negotiate)$", RegexOptions.IgnoreCase)]
    private static partial Regex Weak();

    [GeneratedRegex(@"\b(?:call(?:s|ed|ing)? (?:on|for|upon)|urg\w+|appeal\w*|demand\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongCall();

    [GeneratedRegex(@"\b(?:if|would|could|might|hope|hopes|hoped)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hypothetical();
}
