using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Extraction.Config;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Frames;

/// <summary>
/// Escalations: attacks, shelling, strikes, offensives, massacres, blockades, captured or "liberated" villages, threats.
/// Needs, in the same clause, a side or a place of the article's conflict or any armed actor ("troops", "gunmen",
/// "drones"); or, in an article about a topic, people killed or hurt in the same sentence. Hypothetical wording,
/// negation, back-references ("the shelling") and the content of a ceasefire-violation statement do not count.
/// </summary>
public static partial class EscalationRule
{
    private static readonly string[] TriggerLists = ["threatPatterns", "captureVerbs", "attackNouns", "attackVerbs"];

    public static IReadOnlyList<FrameItem> Apply(SentenceContext s)
    {
        // "Thousands marched on Saturday to mark a year since Azerbaijan retook the region": a commemoration is news, the
        // attack it remembers is not.
        if (!s.Config.Escalation.Any(TriggerLists).IsMatch(s.Text) || s.Background || s.OtherTopic is not null || s.Config.NeverNews["commemoration"].IsMatch(s.Text))
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

            // "The city has been shelled repeatedly since late September": a recap of weeks of attacks, background to the
            // news, not an event of its own with a date.
            if (IsRecap(s, clause))
            {
                continue;
            }

            var clauseMentions = s.Mentions.Where(m => m.Start >= start && m.End <= end).ToList();
            if (!InView(s, clause, clauseMentions))
            {
                continue;
            }

            // "The enemy violated the ceasefire, firing on our positions": the attack is what the violation statement reports.
            if (s.Config.Ceasefire["violation"].IsMatch(clause))
            {
                continue;
            }

            var trigger = FirstTrigger(s, start, clause, threat, capture);
            if (trigger is null)
            {
                continue;
            }

            // "60,000 people have fled fighting in Upper Nile": the fighting people fled is why they left, not an attack of its own.
            if (FledFrom().IsMatch(clause.AsSpan()[..trigger.Index]))
            {
                continue;
            }
            // "Ganja, Azerbaijan's second city, was hit by rockets": the subject of a passive is the target, not who struck.
            // Only when the subject is a place or a side's possession ("Azerbaijan's second city"); "X said towns were shelled"
            // keeps the old reading, the speaker being the likelier attacker than nobody.
            var targetFirst = PassiveBefore().IsMatch(clause.AsSpan()[..trigger.Index]) && !trigger.Value.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                && s.Mentions.LastOrDefault(m => m.End <= start + trigger.Index) is { } target
                && (target.Kind == MentionKind.Place || Possessive().IsMatch(s.Text.AsSpan()[Math.Max(0, target.End - 2)..Math.Min(s.Text.Length, target.End + 2)]));
            var accused = Accused().Match(clause[..trigger.Index]);
            var actor = (accused.Success ? clauseMentions.FirstOrDefault(m => m.Kind == MentionKind.Actor && m.Start >= start + accused.Index + accused.Length)?.Name : null)
                ?? PassiveAgent(s, start + trigger.Index + trigger.Length)
                // "Ganja, Azerbaijan's second city, was hit by rockets": the subject of a passive is the target, not who struck.
                ?? (targetFirst ? null : Speakers.Subject(s, start + trigger.Index, start)?.Name ?? SubjectActor(s, start + trigger.Index, start));
            // "government troops backed by US airstrikes retook the town": in a war of one state against an armed group,
            // the government's forces are the state's, not the outside power named beside them.
            // "The SPLM-IO said the army had used barrel bombs": the state's forces named after the speaker struck, not the speaker.
            if (StateForces().Match(clause[..trigger.Index]) is { Success: true } forces && s.Conflict.SoleState() is { } state
                && (actor is null || !s.Conflict.IsSide(actor)
                    || !clauseMentions.Any(m => m.Kind == MentionKind.Actor && m.Start >= start + forces.Index + forces.Length && m.End <= start + trigger.Index)))
            {
                actor = state;
            }

            // "The adversary resumed offensive operations, the Armenian ministry said": the enemy a side speaks of is the side it fights.
            var claimant = Claimants.Find(s, start + trigger.Index);
            if (EnemySubject().IsMatch(clause) && s.Conflict.IsSide(claimant) && s.Conflict.Adversary(claimant) is { } enemy)
            {
                actor = enemy;
            }

            var places = clauseMentions.Where(m => m.Kind == MentionKind.Place).Select(m => m.Name).Distinct().ToList();
            // An attack that killed people is as grave as ground taken.
            var severity = threat.Success && Nuclear().IsMatch(clause) ? 4
                : capture.Success || Offensive().IsMatch(clause) ? 4
                : !threat.Success && s.Numbers.Count > 0 && s.Config.Casualties["killedWords"].IsMatch(s.Text) ? 4
                : 3;
            var confidence = (threat.Success ? 0.65 : 0.75) - (s.Date.Defaulted ? 0.1 : 0) - (s.Quoted(trigger.Index + start) ? 0.05 : 0);
            var date = Before(s.DateOf(start, end, start + trigger.Index, start + trigger.Index + trigger.Length).Start, clause[..trigger.Index]);
            items.Add(new FrameItem(
                EventKind.Escalation,
                s.Text,
                date,
                places,
                clauseMentions.Where(m => m.Kind == MentionKind.Actor && !(targetFirst && m.Belligerent && m.Name != actor))
                    .Select(m => m.Name).Prepend(actor ?? "").Where(a => a.Length > 0).Distinct().ToList(),
                Summaries.Clause(actor, Trim(clause), clauseMentions.Any(m => m.Name == actor)),
                severity,
                Math.Clamp(confidence, 0.1, 1))
            {
                // Who says so, when the text says; the attacker is not its own witness ("Hamas fighters fired rockets" is the
                // outlet's report, not a claim by Hamas).
                ClaimedBy = claimant != Claimants.Unknown ? claimant : null,
                Paragraph = s.Paragraph,
            });
        }

        // One sentence, one escalation: its clauses describe the same thing more often than not.
        return items.Count <= 1 ? items : [items[0] with { Places = items.SelectMany(i => i.Places).Distinct().ToList(), Actors = items.SelectMany(i => i.Actors).Distinct().ToList() }];
    }

    /// <summary>
    /// The conflict is in view of a clause when it names a side or a place of the conflict or an armed actor; when the
    /// previous sentence did and this one names nobody else; or, in an article about a topic, when the sentence says
    /// people were killed, wounded or went missing.
    /// </summary>
    private static bool InView(SentenceContext s, string clause, List<Mention> clauseMentions)
    {
        if (clauseMentions.Any(m => m.Belligerent || (m.Kind == MentionKind.Place && (m.Side is not null || s.ArticleAboutConflict))))
        {
            return true;
        }

        // "Troops backed by two outside powers fight in another country": outside powers alone, in an article about a topic, are another theatre.
        if (s.ArticleAboutConflict && clauseMentions.Count > 0)
        {
            return false;
        }

        if (s.Config.Escalation["armedActors"].IsMatch(clause) || (s.ArticleAboutConflict && Parties().IsMatch(clause)))
        {
            return true;
        }

        if (s.Mentions.Count == 0 && s.ContextBelligerent && s.Sentence.IndexInParagraph > 0)
        {
            return true;
        }

        // "Heavy fighting broke out on Sunday": in an article about a topic, fighting that names nobody is that war's.
        return s.ArticleAboutConflict && (s.Config.Casualties.Any(HurtLists).IsMatch(s.Text) || Outbreak().IsMatch(clause));
    }

    [GeneratedRegex(@"\b(?:fighting|clashes|hostilities|shelling)\s+(?:broke out|erupted|resumed|flared(?: up)?|intensified|escalated)\b|\b(?:heavy|fierce|intense|renewed)\s+(?:fighting|clashes|shelling)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Outbreak();

    private static readonly string[] HurtLists = ["killedWords", "woundedWords", "missingWords"];

    /// <summary>The first attack word that reports something new: not a back-reference ("the shelling"), not negated, not hypothetical, not part of a call to stop.</summary>
    private static Match? FirstTrigger(SentenceContext s, int start, string clause, Match threat, Match capture)
    {
        var lex = s.Config.Escalation;
        var ceasefireObjects = s.Config.Ceasefire["objects"];
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

        // "KHARTOUM, May 14 -": a word of a date is not a modal.
        var modals = lex["hypothetical"].Matches(clause).Where(m => !s.InDate(start + m.Index)).Select(m => m.Index).ToList();
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

            // "air-raid sirens", "bomb shelters": an attack word naming a warning or a refuge.
            if (Warning().IsMatch(clause.AsSpan()[(m.Index + m.Length)..]))
            {
                continue;
            }

            // "the road to the city, which has been regularly bombed": a relative clause describing a place, not a new attack.
            if (Describing().IsMatch(before))
            {
                continue;
            }

            // "20 servicemen were captured", "soldiers captured earlier in the war": people taken are a casualty figure or
            // captives, not ground taken.
            if (PeopleTaken().IsMatch(before) || (capture.Success && m.Index == capture.Index && PeopleNoun().IsMatch(before) && NoObject().IsMatch(clause.AsSpan()[(m.Index + m.Length)..])))
            {
                continue;
            }

            // "the explosion hit the queue": an accident or a disaster, not an attack.
            if (NotAnAttacker().IsMatch(before))
            {
                continue;
            }

            // "the occupied territories", "their shelled homes": a participle describing a thing, not an act.
            if (pastVerb && Determiner().IsMatch(before) && m.Value.IndexOf(' ', StringComparison.Ordinal) < 0)
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

        // A modal in front of the trigger, or after it when the trigger is a bare noun phrase ("A missile attack ... would"),
        // unless the modal belongs to a relative clause about something else ("..., a figure that could not be verified").
        if (modals[0] < triggerIndex)
        {
            return true;
        }

        return (triggerIndex < 3 || Indefinite().IsMatch(clause.AsSpan()[Math.Max(0, triggerIndex - 40)..triggerIndex]))
               && modals.Any(m => !RelativeBefore().IsMatch(clause.AsSpan()[Math.Max(0, m - 24)..m]));
    }

    [GeneratedRegex(@"\b(?:that|which|who)\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeBefore();

    /// <summary>"was shelled by Burkinabe artillery": the agent of a passive attack verb is who did it.</summary>
    private static string? PassiveAgent(SentenceContext s, int triggerEnd)
    {
        var by = Agent().Match(s.Text, triggerEnd, Math.Min(s.Text.Length - triggerEnd, 12));
        return by.Success
            ? s.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Actor && m.Start >= by.Index + by.Length && m.Start - (by.Index + by.Length) < 20)?.Name
            : null;
    }

    /// <summary>The actor doing it: the nearest actor named before the trigger outside quotes, else the first one named.</summary>
    internal static string? SubjectActor(SentenceContext s, int position, int clauseStart)
    {
        var before = s.Mentions.Where(m => m.Kind == MentionKind.Actor && m.End <= position && m.Start >= clauseStart && !s.Quoted(m.Start))
            .OrderByDescending(m => m.End).FirstOrDefault();
        // After the word only as its agent ("shelled by Azerbaijani forces"), not whatever is named later ("towards the border with Niger").
        before ??= s.Mentions.Where(m => m.Kind == MentionKind.Actor && m.Start > position && !s.Quoted(m.Start)
                                         && AgentBefore().IsMatch(s.Text.AsSpan()[Math.Max(position, m.Start - 12)..m.Start])).FirstOrDefault();
        return before?.Name;
    }

    /// <summary>"agreed on Wednesday, 24 hours after the army launched an offensive": the attack came that long before.</summary>
    private static SentenceDate Before(SentenceDate date, string beforeTrigger)
    {
        var m = TimeAfter().Match(beforeTrigger);
        if (!m.Success || date.DateEnd is not null)
        {
            return date;
        }

        var n = m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "several" or "a few" => 0,
            var digits => int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0,
        };
        var days = m.Groups["u"].Value.StartsWith("hour", StringComparison.OrdinalIgnoreCase) ? (n + 12) / 24 : n;
        return days is > 0 and < 60 ? date with { Date = date.Date.AddDays(-days) } : date;
    }

    [GeneratedRegex(@"\b(?<n>\d{1,3}|an?|one|two|three)\s+(?<u>hours?|days?)\s+after\s+(?:[\w'’-]+\s+){0,4}$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeAfter();

    /// <summary>"has been shelled repeatedly since late September", "has repeatedly called for": words of repetition with a
    /// span of time, a recap of weeks of acts rather than one with a date.</summary>
    internal static bool IsRecap(SentenceContext s, string clause) =>
        s.Config.Escalation["repeated"].IsMatch(clause) && RecapTime().IsMatch(clause);

    /// <summary>The clause as a summary, without a wire dateline ("GOMA, Congo, Feb 4 (Reuters) - "): at most 160 characters,
    /// cut after a whole word.</summary>
    internal static string Trim(string clause)
    {
        var t = clause.Trim().TrimEnd('.', ',', ';');
        t = t[WireDateline().Match(t).Length..];
        t = t[Text.ClockStamp.Length(t)..];
        // ", but Yerevan said shelling went on": a later clause reads as a line of its own without the word that joined it.
        if (LeadingJoin().Match(t) is { Success: true, Length: > 0 } join && join.Length < t.Length)
        {
            t = char.ToUpperInvariant(t[join.Length]) + t[(join.Length + 1)..];
        }

        if (t.Length <= 160)
        {
            return t;
        }

        var cut = t.LastIndexOf(' ', 158);
        return t[..(cut > 80 ? cut : 158)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    [GeneratedRegex(@"\b(?:fled|flee|flees|fleeing|escaped|escaping|displaced by|uprooted by)\s+(?:the\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FledFrom();

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:adversary|enemy|enemy forces|enemy units|opposing side)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnemySubject();

    [GeneratedRegex(@"['’]s\b")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+|also\s+|again\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PassiveBefore();

    [GeneratedRegex(@"\b(?:(?:government|state|federal|national|regular)\s+(?:troops|forces|soldiers|army|military)|the (?:army|military|armed forces)|security forces)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StateForces();

    [GeneratedRegex(@"^[,;:\s]*(?:(?:but|and|while|whereas|although|though)\s+)?")]
    private static partial Regex LeadingJoin();

    /// <summary>A place in capitals, optionally a region and date after commas and an agency in brackets, then a dash.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z.'/\- ]{1,40}(?:,\s+[^\-–—()]{1,60}?)?\s*(?:\([A-Za-z .]{2,30}\)\s*)?[-–—]+\s+(?=\S)")]
    private static partial Regex WireDateline();

    [GeneratedRegex(@"\b(?:the|these|this|that|those|such)\s+(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex BackReference();

    [GeneratedRegex(@"\b(?:soldiers|servicem[ae]n|troops|civilians|people|fighters|personnel|hostages|prisoners|residents|officers|members)\s+(?:were|was|had been|have been|has been|are|being)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PeopleTaken();

    /// <summary>A person noun just before a verb: "120 soldiers captured ..." (a participle when <see cref="NoObject"/> follows).</summary>
    [GeneratedRegex(@"\b(?:soldiers|servicem[ae]n|troops|civilians|people|fighters|personnel|hostages|prisoners|residents|officers|members|men|women|children)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PeopleNoun();

    /// <summary>What follows a participle rather than a verb's object: "captured earlier", "captured in May", "captured, ...".</summary>
    [GeneratedRegex(@"^\s*(?:$|[,.;:)]|(?:earlier|previously|last|since|during|in|on|at|by|near|while|when|after|before|and\s+(?:held|detained|taken))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex NoObject();

    [GeneratedRegex(@"^[\s-]*(?:sirens?|alarms?|shelters?|warnings?|drills?|alerts?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Warning();

    [GeneratedRegex(@",\s+(?:which|that)\s+(?:has|have|had)\s+been\s+(?:\w+ly\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Describing();

    [GeneratedRegex(@"\b(?:explosion|blast|earthquake|quake|storm|flood|fire|disaster|accident|crash|landslide)\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAnAttacker();

    [GeneratedRegex(@"^\s*by\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Agent();

    [GeneratedRegex(@"\bby\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AgentBefore();

    [GeneratedRegex(@"\b(?:both sides|the parties|the two sides|the warring|each side)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Parties();

    [GeneratedRegex(@"\b(?:the|its|their|his|her|our|these|those)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"\b(?:not|no|never|n't|nor|without|denied|denies|failed to)\b(?:\s+[\w-]+){0,5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    /// <summary>"accused Armenian forces of firing": the accused is the one said to attack.</summary>
    [GeneratedRegex(@"\b(?:accus\w+|blam\w+)\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Accused();

    /// <summary>A span of time rather than a day: the perfect ("has been hit"), "since ...", "over the past weeks".</summary>
    [GeneratedRegex(@"\b(?:ha(?:s|ve)|'s|'ve)\s+(?:\w+\s+)?been\b|\bsince\b|\bover\s+the\s+(?:past|last)\b|\bin\s+recent\s+(?:days|weeks|months)\b|\bthroughout\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecapTime();

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
    [GeneratedRegex(@"\b(?:(?:days?|weeks?|hours?|months?)\s+(?:after|since)|after|since|before|when)\s+(?:the\s+)?(?:fighting|clashes|war|hostilities)\s+(?:\w+\s+)?(?:broke\s+out|erupted|began|started|resumed|flared)(?:\s+again)?|\b(?:end(?:ed|s|ing)?|halt(?:ed|s|ing)?|stopp(?:ed|ing)|stops)\s+(?:[\w-]+\s+){0,3}of\s+(?:the\s+)?(?:fighting|clashes|war|hostilities|shelling|bombardment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TriggerSpans();
}
