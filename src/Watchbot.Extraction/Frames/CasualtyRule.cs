using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Text;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Frames;

/// <summary>
/// Casualty and displacement figures: a number, the people it counts ("Azeri civilians", "servicemen"), what happened
/// to them ("killed", "wounded", "displaced"), whose people they were and who says so.
/// </summary>
public static partial class CasualtyRule
{
    private static readonly string[] OutcomeLists = ["killedWords", "woundedWords", "missingWords", "capturedWords", "displacedWords", "casualtyWords"];

    private enum Head { None, Military, Civilian, Unknown, Outcome }

    public static IReadOnlyList<FrameItem> Apply(SentenceContext s)
    {
        var restates = s.PreviousClaim is not null && s.Config.Casualties["totalPhrases"].IsMatch(s.Text);
        if (!(restates || s.Config.Casualties.Any(OutcomeLists).IsMatch(s.Text)) || s.Background || s.Numbers.Count == 0 || s.OtherTopic is not null)
        {
            return [];
        }

        var lex = s.Config.Casualties;
        var never = s.Config.NeverNews;
        var items = new List<FrameItem>();
        CasualtyClaim? previous = null;
        var sentenceClaimant = Claimants.ForFigure(s);
        var disputed = Claimants.Disputed(s);
        var clauses = s.Clauses();

        foreach (var n in s.Numbers)
        {
            if (NeverNewsGuard.NumberReason(s, n) is not null)
            {
                continue;
            }

            var clause = clauses.First(c => n.Start >= c.Start && n.Start < c.End);

            // Each figure is claimed by the source nearest to it ("X confirmed its losses, while Y reported 20 deaths").
            var claimant = s.SpeechVerbs.Count > 1 ? Claimants.ForFigure(s, n.Start) : sentenceClaimant;
            var after = n.LastToken + 1;

            // "bringing total casualties to 59": the running total of the previous figure.
            var beforeText = s.Text[Math.Max(0, n.Start - 120)..n.Start];
            // "the ministry later put the final count at 2,310": the same figure as the article's last one, restated by this sentence's source.
            var restated = previous ?? s.PreviousClaim;
            if (restated is not null && lex["totalPhrases"].Match(beforeText) is { Success: true } total && total.Index + total.Length >= beforeText.TrimEnd().Length - 1)
            {
                // "37 more casualties, bringing the total number of military deaths to 633": the total says what it counts.
                var counted = lex.Any(OutcomeLists).IsMatch(total.Value) ? TollOutcome(lex, total.Value) : restated.Outcome;
                var running = restated with
                {
                    Outcome = counted,
                    Count = (int)Math.Min(n.Value, int.MaxValue), CountHigh = null, Qualifier = n.Qualifier, Cumulative = true,
                    ClaimedBy = previous is null && claimant != "unknown" ? claimant : restated.ClaimedBy,
                };
                items.Add(Item(s, running, n, disputed, 0.75));
                previous = running;
                continue;
            }

            // "the death toll among Karabakh troops has risen to 1,166".
            var tollWindow = beforeText;
            if (TollBefore().Match(tollWindow) is { Success: true } toll)
            {
                var tollText = tollWindow[toll.Index..];
                var tollSide = SideAfter(s, n) ?? s.Mentions.Where(m => m.Start >= n.Start - tollWindow.Length + toll.Index && m.End <= n.Start && m.Side is not null
                        && !ByAttacker().IsMatch(s.Text.AsSpan()[Math.Max(0, m.Start - 25)..m.Start]))
                    .Select(m => m.Side).FirstOrDefault()
                    // "troops of both countries fought as the death toll rose to 33 ... on both sides": a toll of the war.
                    ?? (BothSides().IsMatch(s.Text) ? "both" : null)
                    ?? s.Mentions.LastOrDefault(m => m.End <= n.Start && m.Side is not null && !s.Quoted(m.Start) && !ByAttacker().IsMatch(s.Text.AsSpan()[Math.Max(0, m.Start - 25)..m.Start]))?.Side
                    ?? (s.Conflict.IsSide(claimant) ? claimant : "unknown");
                var tollOutcome = TollOutcome(lex, tollText);
                var tollPopulation = lex["militaryNouns"].IsMatch(tollText) ? Population.Military
                    : lex["civilianNouns"].IsMatch(tollText) || tollOutcome == CasualtyOutcome.Displaced ? Population.Civilian : Population.Unknown;
                var tollClaim = new CasualtyClaim(tollSide!, tollPopulation, tollOutcome, (int)Math.Min(n.Value, int.MaxValue), null, n.Qualifier, true, claimant);
                items.Add(Item(s, tollClaim, n, disputed, 0.75));
                previous = tollClaim;
                continue;
            }

            // "21 civilian deaths in Azerbaijan and 13 in Armenia": a figure that borrows the previous one's words.
            if (previous is not null && after + 1 < s.Tokens.Count && s.Tokens[after].Text is "in" or "from" or "on" && MentionAt(s, s.Tokens[after + 1].Start) is { } elided && elided.Side is not null)
            {
                var copy = previous with { Count = (int)Math.Min(n.Value, int.MaxValue), CountHigh = n.High is null ? null : (int)n.High, Qualifier = n.Qualifier, Side = elided.Side };
                items.Add(Item(s, copy, n, disputed, 0.7));
                previous = copy;
                continue;
            }

            var (head, headToken, modifierPopulation, modifierSide, reason) = ReadHead(s, n);
            if (reason is not null || (n.LooksLikeYear && headToken != after))
            {
                continue;
            }

            if (head == Head.None && !(after < s.Tokens.Count && AuxThenOutcome(s, after)) && !OutcomeVerbBefore(s, n))
            {
                continue;
            }

            // "in every family, at least one person was killed": a figure for each of many, not a count.
            if (Distributive().IsMatch(s.Text.AsSpan()[clause.Start..n.Start]))
            {
                continue;
            }

            // "half of the region's 150,000 people": a share of a population, not a count of victims.
            if (Share().IsMatch(s.Text.AsSpan()[Math.Max(0, n.Start - 30)..n.Start]))
            {
                continue;
            }

            var headEnd = headToken < s.Tokens.Count ? s.Tokens[headToken].End : n.End;
            var around = s.Text[Math.Max(clause.Start, n.Start - 25)..Math.Min(clause.End, headEnd + 30)];
            if (never["populationWords"].IsMatch(around) || never["deploymentWords"].IsMatch(around))
            {
                continue;
            }

            // "the deaths of 50 mercenaries and 10 soldiers": a figure joined to the one before shares its outcome.
            // "nine people were killed, including three police officers": a part of a figure shares its outcome.
            var partOf = previous is not null && head != Head.Outcome && Subset().IsMatch(s.Text.AsSpan()[Math.Max(0, n.Start - 22)..n.Start]) ? previous.Outcome : (CasualtyOutcome?)null;
            var outcome = partOf ?? FindOutcome(s, n, headToken, clause)
                ?? (previous is not null && JoinedToPrevious(s, n) ? previous.Outcome : (CasualtyOutcome?)null)
                ?? LossInClause(s, n, clause);
            if (outcome is null)
            {
                continue;
            }

            // "freed 120 soldiers captured earlier": captives set free are a release (PrisonerRule), not people taken now.
            if (outcome == CasualtyOutcome.Captured && s.Config[PrisonerRule.Lexicon]["releaseVerbs"].IsMatch(s.Text[clause.Start..n.Start]))
            {
                continue;
            }

            // "91 civilians have been killed and more than 400 wounded": the second figure counts the same people.
            var coordinated = head is Head.Outcome or Head.None && previous is not null && modifierSide is null && modifierPopulation is null && CoordinatedWithPrevious(s, n);
            if (coordinated)
            {
                modifierSide = previous!.Side;
                modifierPopulation = previous.Population;
            }

            var population = modifierPopulation ?? head switch
            {
                Head.Military => Population.Military,
                Head.Civilian => Population.Civilian,
                _ => Population.Unknown,
            };

            var how = coordinated ? "coordinated" : "modifier";
            var side = modifierSide ?? FindSide(s, n, headToken, clause, claimant, outcome.Value, population, out how);
            var inferred = false;

            // "60 militants were killed, the ministry said": in a war of a state against one armed group, irregular fighters
            // are the group's, not the people of a state that reports them.
            if ((side == "unknown" || (how == "claimant" && !s.Conflict.IsArmedGroup(side))) && population == Population.Military && headToken < s.Tokens.Count
                && lex["irregularNouns"].IsMatch(s.Tokens[headToken].Text) && s.Conflict.SoleArmedGroup() is { } group)
            {
                side = group;
            }

            // "58 bodies of people ...": civilians whose sentence names no side belong where the story happens.
            if (side == "unknown" && population != Population.Military && s.LastPlaceSide is { } storySide)
            {
                (side, inferred) = (storySide, true);
            }

            population = DefaultPopulation(s, population, side, outcome.Value, how);
            var cumulative = IsCumulative(s, n, clause);
            var high = n.High is null ? (int?)null : (int)Math.Min(n.High.Value, int.MaxValue);
            var claim = new CasualtyClaim(side, population, outcome.Value, (int)Math.Min(n.Value, int.MaxValue), high, n.Qualifier, cumulative, claimant);
            var confidence = 0.85 - (n.Vague ? 0.2 : 0) - (disputed ? 0.2 : 0) - (claim.ClaimedAboutAdversary ? 0.1 : 0) - (inferred ? 0.1 : 0);

            // Whose people they were is what a digest reader needs most: a figure the rules cannot place waits for review.
            if (side == "unknown" && s.Conflict.Topics.Any(t => t.Sides.Count > 0))
            {
                confidence = Math.Min(confidence, 0.45);
            }
            items.Add(Item(s, claim, n, disputed, confidence));
            // "nine people were killed, including three police officers, and 17 were wounded": a part named inside a figure
            // does not become the figure the next bare number joins.
            if (partOf is null)
            {
                previous = claim;
            }
        }

        return items;
    }

    private static FrameItem Item(SentenceContext s, CasualtyClaim claim, NumberMention n, bool disputed, double confidence)
    {
        var kind = claim.Outcome == CasualtyOutcome.Displaced ? EventKind.Displacement : EventKind.Casualties;

        // A running total the sentence does not date ("have died since then") stands as of publication, not as of the
        // last date the paragraph gave.
        var date = claim.Cumulative && s.OwnDate is null && !s.Date.Defaulted ? new SentenceDate(s.Published, null, DatePrecision.Day, false) : s.Date;
        return new FrameItem(
            kind,
            s.Text,
            date,
            s.Places.Select(p => p.Name).Distinct().ToList(),
            s.Actors.Select(a => a.Name).Append(claim.Side).Where(a => a is not "unknown" and not "both").Distinct().ToList(),
            Summaries.Casualty(claim),
            Severity.Of(claim),
            Math.Clamp(confidence, 0.1, 1.0))
        {
            Claim = claim,
            ClaimedBy = claim.ClaimedBy,
            Disputed = disputed,
            Paragraph = s.Paragraph,
        };
    }

    private static (Head Head, int HeadToken, Population? Population, string? Side, string? Reason) ReadHead(SentenceContext s, NumberMention n)
    {
        var lex = s.Config.Casualties;
        var never = s.Config.NeverNews;
        Population? population = null;
        string? side = null;
        for (var i = n.LastToken + 1; i < s.Tokens.Count && i <= n.LastToken + 5; i++)
        {
            var t = s.Tokens[i];
            if (!t.IsWord)
            {
                return (Head.None, i, population, side, null);
            }

            bool At(LexiconList list) => s.MatchAt(list, t.Start) > 0;

            // "9 members of the VDP auxiliary force": members of a side or an armed force are fighters.
            if (MembersOf().IsMatch(s.Text.AsSpan()[t.Start..]) && MemberOfArmedForce(s, t.End))
            {
                return (Head.Military, i, population, side ?? s.Mentions.FirstOrDefault(m => m.Start >= t.End && m.Start < t.End + 30 && m.Side is not null)?.Side, null);
            }

            if (At(never["otherPeopleNouns"]))
            {
                return (Head.None, i, population, side, "other people");
            }

            if (At(never["equipmentNouns"]))
            {
                return (Head.None, i, population, side, "equipment");
            }

            if (At(lex["militaryNouns"]))
            {
                return (Head.Military, i, population, side, null);
            }

            if (At(lex["civilianNouns"]))
            {
                return (Head.Civilian, i, population, side, null);
            }

            if (At(lex["casualtyWords"]) || At(lex["killedWords"]) || At(lex["woundedWords"]) || At(lex["missingWords"]) || At(lex["displacedWords"]))
            {
                // "200 wounded", "21 civilian deaths": the outcome is the head.
                return (Head.Outcome, i, population, side, null);
            }

            if (At(lex["unknownNouns"]))
            {
                var m = MentionAt(s, t.Start);
                side ??= m?.Side;
                return (Head.Unknown, i, population, side, null);
            }

            // Modifiers: "Azeri", "civilian", "more", "other".
            var lower = t.Text.ToLowerInvariant();
            if (lower is "civilian")
            {
                population = Population.Civilian;
                continue;
            }

            if (lower is "military" or "army")
            {
                population = Population.Military;
                continue;
            }

            if (MentionAt(s, t.Start) is { } mention)
            {
                // "3.7 million Ukrainians", "40 Malians": a people named in the plural is the head itself.
                if (mention.Side is not null && s.Conflict.IsSide(mention.Side) && PluralPeople().IsMatch(s.Text.AsSpan()[mention.Start..mention.End]))
                {
                    return (Head.Unknown, i, population, mention.Side, null);
                }

                // "50 Russian Wagner mercenaries": the side named wins over an outside power named before it.
                if (mention.Side is not null && (side is null || !s.Conflict.IsSide(side)))
                {
                    side = mention.Side;
                }

                side ??= mention.Name;
                continue;
            }

            // "three South African peacekeepers", "two Kenyan aid workers": a nationality the topic does not know is still a modifier.
            if (char.IsUpper(t.Text[0]))
            {
                continue;
            }

            if (lower is "more" or "other" or "additional" or "new" or "further" or "of" or "the" or "their" or "its" or "our" or "his" or "her" or "young"
                || (lower.EndsWith("ly", StringComparison.Ordinal) && i == n.LastToken + 1) || lower.EndsWith("ed", StringComparison.Ordinal) && i == n.LastToken + 1)
            {
                continue;
            }

            return (Head.None, i, population, side, null);
        }

        return (Head.None, n.LastToken + 1, population, side, null);
    }

    /// <summary>What a running total counts: "the number of dead and missing" is casualties, "the number of IDPs" displaced people.</summary>
    private static CasualtyOutcome TollOutcome(Lexicon lex, string tollText)
    {
        var killed = lex["killedWords"].IsMatch(tollText);
        if (lex["displacedWords"].IsMatch(tollText))
        {
            return CasualtyOutcome.Displaced;
        }

        if (killed && (lex["missingWords"].IsMatch(tollText) || lex["woundedWords"].IsMatch(tollText)))
        {
            return CasualtyOutcome.Casualties;
        }

        return lex["woundedWords"].IsMatch(tollText) ? CasualtyOutcome.Wounded : lex["missingWords"].IsMatch(tollText) ? CasualtyOutcome.Missing : CasualtyOutcome.Killed;
    }

    /// <summary>"the loss of the enemy consisted of 18 tanks ... and 300 soldiers": people listed under a loss are casualties.</summary>
    private static CasualtyOutcome? LossInClause(SentenceContext s, NumberMention n, (int Start, int End) clause)
    {
        var before = s.Text.AsSpan()[clause.Start..n.Start];
        // "the adversary lost 2 aircraft, 11 drones and more than 180 personnel": people a side lost are its dead.
        return LossOf().IsMatch(before) ? CasualtyOutcome.Casualties : LostList().IsMatch(before) ? CasualtyOutcome.Killed : null;
    }

    [GeneratedRegex(@"\bloss(?:es)?\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex LossOf();

    [GeneratedRegex(@"\b(?:lost|loses)\s+[^.;:]{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex LostList();

    [GeneratedRegex(@"\b(?:the\s+)?(?:adversary|enemy)\s+(?:has\s+|had\s+)?(?:lost|loses|suffered)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnemyLost();

    /// <summary>
    /// Who the people are when the text does not say: the displaced are civilians, and the dead of an armed group or the
    /// casualties a side says it inflicted are fighters.
    /// </summary>
    private static Population DefaultPopulation(SentenceContext s, Population population, string side, CasualtyOutcome outcome, string how)
    {
        if (population != Population.Unknown)
        {
            return population;
        }

        if (outcome == CasualtyOutcome.Displaced)
        {
            return Population.Civilian;
        }

        // An armed group's dead are its fighters, unless the group is only the one reporting them ("people", per the group)
        // or only holds the place where they were hit ("19 people were killed at a market in <a town the group holds>").
        // A figure counting the same people as the one before it keeps that one's population, whatever it was.
        return (s.Conflict.IsArmedGroup(side) && how is not "claimant" and not "place" and not "coordinated" and not "attacked") || (how == "inflicted" && outcome == CasualtyOutcome.Casualties) ? Population.Military : Population.Unknown;
    }

    private static bool MemberOfArmedForce(SentenceContext s, int from)
    {
        var window = s.Text.AsSpan()[from..Math.Min(s.Text.Length, from + 45)].ToString();
        return s.Mentions.Any(m => m.Start >= from && m.Start < from + 30 && m.Belligerent) || s.Config.Escalation["armedActors"].IsMatch(window)
               || ForceWord().IsMatch(window);
    }

    [GeneratedRegex(@"^members\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex MembersOf();

    [GeneratedRegex(@"\b(?:force|forces|army|militia|unit|battalion|guard|police)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForceWord();

    /// <summary>True when the mention is the subject of an attack verb right after it ("Azerbaijani forces shelled").</summary>
    private static bool Attacks(SentenceContext s, Mention m)
    {
        // Up to two words may stand between the name and its verb ("Azerbaijani forces shelled", "South Sudanese government
        // warplanes bombed"), and an auxiliary or adverb before it ("had overrun", "reportedly shelled").
        var index = s.TokenIndexAt(m.End);
        for (int k = index, words = 0; k < s.Tokens.Count && words <= 2 && s.Tokens[k].Start - m.End < 45; k++)
        {
            var token = s.Tokens[k];
            if (s.MatchAt(s.Config.Escalation["attackVerbs"], token.Start) > 0 || s.MatchAt(s.Config.Escalation["captureVerbs"], token.Start) > 0)
            {
                return true;
            }

            if (!Auxiliary().IsMatch(token.Text))
            {
                words++;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:have|has|had|also|then|\w+ly)$", RegexOptions.IgnoreCase)]
    private static partial Regex Auxiliary();

    /// <summary>"stood at 90 people from the eastern side": a side named with a preposition right after the figure.</summary>
    private static string? SideAfter(SentenceContext s, NumberMention n)
    {
        var limit = Math.Min(s.Text.Length, n.End + 40);
        foreach (var m in s.Mentions)
        {
            if (m.Start >= n.End && m.Start < limit && m.Side is not null && Preposition().IsMatch(s.Text.AsSpan()[Math.Max(0, m.Start - 24)..m.Start]))
            {
                return m.Side;
            }
        }

        return null;
    }

    /// <summary>"after the aggression of Azerbaijan", "an attack by": the side named is the one who struck.</summary>
    [GeneratedRegex(@"\b(?:aggression|attacks?|assault|offensive|strikes?|shelling|shelled|bombing|invasion|hands|forces?)\s+(?:of|by|from)\s+(?:the\s+)?$|\bby\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ByAttacker();

    [GeneratedRegex(@"\b(?:from|fleeing|fled|leaving|left|escaping|escaped)\s+(?:the\s+)?(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Origin();

    /// <summary>"50 mercenaries and 10 soldiers": the figure before this one is joined to it by "and", with no outcome between them.</summary>
    private static bool JoinedToPrevious(SentenceContext s, NumberMention n) =>
        TextFromPrevious(s, n) is { Between: var between } && between.Length <= 60
        && And().IsMatch(between) && !s.Config.Casualties.Any(OutcomeLists).IsMatch(between) && !between.Contains(';');

    /// <summary>"91 civilians have been killed and more than 400 wounded": the second figure counts the same people.</summary>
    private static bool CoordinatedWithPrevious(SentenceContext s, NumberMention n) =>
        TextFromPrevious(s, n) is { Between: var between, From: var from }
        && (And().IsMatch(between) || (between.Length < 40 && OutcomeVerbBefore(s, n)))
        && !s.Mentions.Any(m => m.Start >= from && m.End <= n.Start && m.Side is not null);

    /// <summary>The text between the figure before <paramref name="n"/> in the sentence and <paramref name="n"/>, or null when it is the first.</summary>
    private static (string Between, int From)? TextFromPrevious(SentenceContext s, NumberMention n) =>
        s.Numbers.LastOrDefault(p => p.End <= n.Start) is { } before ? (s.Text[before.End..n.Start], before.End) : null;

    [GeneratedRegex(@"\band\b")]
    private static partial Regex And();

    /// <summary>"killed at least 13 and wounded more than 40": an outcome verb right in front of a bare number.</summary>
    private static bool OutcomeVerbBefore(SentenceContext s, NumberMention n) =>
        OutcomeVerb().IsMatch(s.Text.AsSpan()[Math.Max(0, n.Start - 20)..n.Start]);

    [GeneratedRegex(@"\b(?:lost|lose|losing|killed|kill|killing|kills|destroyed|eliminated|neutrali[sz]ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KilledBefore();

    [GeneratedRegex(@"\b(?:(?<killed>deaths?|killing|bodies)|(?<loss>loss(?:es)?))\s+of\s+(?:(?:at least|about|around|some|nearly|almost|more than|over)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeOf();

    /// <summary>"13 were wounded", "three civilians have been killed": a form of be or have and an outcome right after the head.</summary>
    private static CasualtyOutcome? OutcomeAfterAux(SentenceContext s, params int[] starts)
    {
        // After the head noun ("13 civilians were wounded") or, for a bare number, right after it ("13 were wounded").
        foreach (var from in starts)
        {
            var window = s.Text[from..Math.Min(s.Text.Length, from + 40)];
            var aux = Aux().Match(window);
            if (aux.Success && OutcomeAt(s, window[(aux.Index + aux.Length)..], atStart: true) is { } outcome)
            {
                return outcome;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s+(?:(?:were|was|are|is|have|has|had)\s+(?:(?:also|reportedly|now|all)\s+)?(?:been\s+)?|got\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex Aux();

    [GeneratedRegex(@"\b(?:wounded|wounding|injured|injuring)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex WoundedBefore();

    /// <summary>"the death toll among Karabakh troops has risen to": the number that follows is a running total.</summary>
    [GeneratedRegex(@"(?:\b(?:toll|number of (?:the\s+)?(?:dead|deaths|killed|wounded|injured|casualties|missing|IDPs|refugees|displaced|internally displaced)(?:\s+(?:people|persons))?)\b(?<between>[^.;]{0,120}?)\b(?:rose|risen|rises|climbed|reached|reaches|reaching|stands|stood|increased|jumped|is now|was|hit|topped|passed)\s+(?:to\s+|at\s+|a\s+(?:total|high|record)\s+of\s+)?(?:(?:at least|about|around|some|nearly|almost|more than|over)\s+)?|\b(?:displaced|refugee|IDP)\s+population\s+(?:to\s+|over\s+|above\s+|past\s+|beyond\s+)(?:the\s+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TollBefore();

    [GeneratedRegex(@"\b(?:killed|killing|wounded|wounding|injured|injuring|left|leaving)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeVerb();

    [GeneratedRegex(@"(?:\b(?:half|third|quarter|percent|most|majority|share|all|many)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?|'s\s+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Share();

    /// <summary>"over 20,000 were killed": a bare number followed by a verb and an outcome.</summary>
    private static bool AuxThenOutcome(SentenceContext s, int index)
    {
        var window = string.Join(' ', s.Tokens.Skip(index).Take(4).Select(t => t.Text));
        // "Two deminers were killed": people named by a plural the lexicon does not know, when only people can be what happened.
        return BareOutcome().IsMatch(window) || PluralHurt().IsMatch(window);
    }

    private static CasualtyOutcome? FindOutcome(SentenceContext s, NumberMention n, int headToken, (int Start, int End) clause)
    {
        var lex = s.Config.Casualties;
        // Directly before the number: "killed 51", "they lost 28 soldiers", "caused 920 casualties".
        var beforeStart = s.Tokens[Math.Max(0, n.FirstToken - 3)].Start;
        var before = s.Text[beforeStart..n.Start];

        // "380 people have been killed or injured": one figure for both outcomes is casualties.
        var headEnd = headToken < s.Tokens.Count ? s.Tokens[headToken].End : n.End;
        if (headEnd < clause.End && KilledOrHurt().IsMatch(s.Text.AsSpan()[headEnd..Math.Min(clause.End, headEnd + 40)]))
        {
            return CasualtyOutcome.Casualties;
        }

        // The head itself: "deaths", "wounded", "casualties".
        if (headToken < s.Tokens.Count)
        {
            var headRest = s.Text[s.Tokens[headToken].Start..Math.Min(s.Text.Length, s.Tokens[headToken].Start + 30)];
            var fromHead = OutcomeAt(s, headRest, atStart: true);
            if (fromHead is not null)
            {
                return fromHead;
            }
        }

        // "four were killed and 13 were wounded": the outcome right after the number is its own.
        if (OutcomeAfterAux(s, headToken < s.Tokens.Count && headToken > n.LastToken + 1 ? s.Tokens[headToken - 1].End : n.End, headToken < s.Tokens.Count ? s.Tokens[headToken].End : n.End) is { } own)
        {
            return own;
        }

        // "the deaths of 8", "the loss of 31 troops": the noun in front names what happened.
        if (OutcomeOf().Match(before) is { Success: true } of)
        {
            return of.Groups["loss"].Success ? CasualtyOutcome.Casualties : CasualtyOutcome.Killed;
        }

        if (KilledBefore().IsMatch(before))
        {
            return CasualtyOutcome.Killed;
        }

        if (WoundedBefore().IsMatch(before))
        {
            return CasualtyOutcome.Wounded;
        }

        // After the head, to the end of the clause or sentence.
        var start = headToken < s.Tokens.Count ? s.Tokens[headToken].End : n.End;
        var end = s.Text.Length;
        var afterText = s.Text[Math.Min(start, end)..end];
        var stop = ClauseStop().Match(afterText);
        if (stop.Success)
        {
            afterText = afterText[..stop.Index];
        }

        var found = FirstOutcome(s, afterText);
        if (found is not null)
        {
            return found;
        }

        var wider = s.Text[Math.Max(0, n.Start - 40)..n.Start];
        return FirstOutcome(s, wider, last: true);
    }

    private static CasualtyOutcome? OutcomeAt(SentenceContext s, string text, bool atStart)
    {
        var lex = s.Config.Casualties;
        (string List, CasualtyOutcome Outcome)[] order =
        [
            ("displacedWords", CasualtyOutcome.Displaced), ("woundedWords", CasualtyOutcome.Wounded), ("missingWords", CasualtyOutcome.Missing),
            ("capturedWords", CasualtyOutcome.Captured), ("casualtyWords", CasualtyOutcome.Casualties), ("killedWords", CasualtyOutcome.Killed),
        ];
        foreach (var (list, outcome) in order)
        {
            var m = lex[list].Match(text);
            if (m.Success && (!atStart || m.Index == 0) && !(list == "killedWords" && m.Value.Equals("lives", StringComparison.OrdinalIgnoreCase) && !atStart))
            {
                if (list == "killedWords" && m.Value.ToLowerInvariant() is "lost" or "lose" or "losing")
                {
                    continue;
                }

                return outcome;
            }
        }

        return null;
    }

    private static CasualtyOutcome? FirstOutcome(SentenceContext s, string text, bool last = false)
    {
        var lex = s.Config.Casualties;
        var best = -1;
        CasualtyOutcome? result = null;
        foreach (var (list, outcome) in new[]
                 {
                     ("killedWords", CasualtyOutcome.Killed), ("woundedWords", CasualtyOutcome.Wounded), ("missingWords", CasualtyOutcome.Missing),
                     ("capturedWords", CasualtyOutcome.Captured), ("displacedWords", CasualtyOutcome.Displaced),
                 })
        {
            foreach (Match m in lex[list].Matches(text))
            {
                if (m.Value.ToLowerInvariant() is "lost" or "lose" or "losing" or "toll" or "death toll" or "lives" or "bodies")
                {
                    continue;
                }

                var better = best < 0 || (last ? m.Index > best : m.Index < best);
                if (better)
                {
                    (best, result) = (m.Index, outcome);
                }

                break;
            }
        }

        return result;
    }

    private static string FindSide(SentenceContext s, NumberMention n, int headToken, (int Start, int End) clause, string claimant, CasualtyOutcome outcome, Population population, out string how)
    {
        var g = s.Conflict;
        var lex = s.Config.Casualties;
        // "from Azerbaijan", "in Armenia", "in Stepanakert" after the head, before the clause ends.
        var from = headToken < s.Tokens.Count ? s.Tokens[headToken].End : n.End;
        var tail = s.Text[Math.Min(from, s.Text.Length)..];
        var stop = ClauseStop().Match(tail);
        var limit = from + (stop.Success ? stop.Index : tail.Length);

        // "refugees have arrived in Armenia from Karabakh", "refugees fleeing Mali": displaced people belong where they fled.
        if (outcome == CasualtyOutcome.Displaced)
        {
            foreach (var m in s.Mentions)
            {
                if (m.Start >= from && m.Start < limit && m.Side is not null && Origin().IsMatch(s.Text.AsSpan()[Math.Max(0, m.Start - 20)..m.Start]))
                {
                    how = "origin";
                    return m.Side;
                }
            }
        }

        foreach (var m in s.Mentions)
        {
            if (m.Start < from || m.Start >= limit || m.Side is null)
            {
                continue;
            }

            // "killed when members of the Gran Grif gang opened fire": the group that struck is not whose people died.
            var lead = s.Text[Math.Max(0, m.Start - 24)..m.Start];
            if (Preposition().IsMatch(lead) && !Attacks(s, m) && !AttackNounAfter().IsMatch(s.Text.AsSpan(m.End)))
            {
                how = m.Kind == MentionKind.Place ? "place" : "preposition";
                return PeopleAt(s, m, headToken, population);
            }
        }

        // "370 soldiers of the enemy", "the adversary lost 180 personnel": the people of whoever the claimant fights.
        if ((Enemy().IsMatch(s.Text.AsSpan()[Math.Min(from, s.Text.Length)..limit]) || EnemyLost().IsMatch(s.Text.AsSpan()[clause.Start..n.Start]))
            && g.IsSide(claimant) && g.Adversary(claimant, fighters: true) is { } enemy)
        {
            how = "enemy";
            return enemy;
        }

        if (BothSides().IsMatch(s.Text.AsSpan()[Math.Min(from, s.Text.Length)..limit]) || BothReport().IsMatch(s.Text.AsSpan()[Math.Max(0, n.Start - 40)..n.Start]))
        {
            how = "both";
            return "both";
        }

        // "caused 920 casualties", "have killed over 2,000": the adversary of whoever claims it.
        var verbWindow = s.Text[Math.Max(0, n.Start - 25)..n.Start];
        if (lex["inflictVerbs"].Match(verbWindow) is { Success: true } inflict && verbWindow[(inflict.Index + inflict.Length)..].Trim().Length == 0
            && !Passive().IsMatch(verbWindow[..inflict.Index]))
        {
            how = "inflicted";
            if (claimant == "both" || BothSides().IsMatch(s.Text.AsSpan()[..n.Start]))
            {
                return "both";
            }

            // The attacker is the subject, usually the first belligerent named: "An Armenian strike on Ganja killed 13".
            var verbAt = Math.Max(0, n.Start - 25) + inflict.Index;
            var attacker = s.Mentions.FirstOrDefault(m => m.End <= verbAt && m.Belligerent && m.Kind == MentionKind.Actor && !s.Quoted(m.Start));
            // Without a named attacker the claimant struck only when it says so ("it had killed 40 rebels") or counts fighters
            // ("killed 40 militants"); "an airstrike killed 32 people, the group said" reports the claimant's own dead.
            // The pronoun must be the striker, after whoever speaks: not "Its prosecutor said a missile strike killed nine".
            var strikerFrom = s.SpeechVerbs.Where(v => v.Index + v.Length <= verbAt).Select(v => v.Index + v.Length).DefaultIfEmpty(0).Max();
            var claimantStruck = g.IsSide(claimant)
                && (population == Population.Military || OwnSubject().IsMatch(s.Text.AsSpan()[Math.Max(clause.Start, strikerFrom)..Math.Max(clause.Start, Math.Max(strikerFrom, verbAt))]));
            var attackerSide = attacker?.Side ?? (claimantStruck ? claimant : null);
            if (attackerSide is not null || attacker is not null)
            {
                return attackerSide is null ? "unknown" : g.Adversary(attackerSide, population == Population.Military) ?? "unknown";
            }
        }

        // "they lost", "our soldiers": the claimant's own people ("they had killed 12 militants" struck, above).
        var before = s.Text[Math.Max(0, n.Start - 30)..n.Start];
        if (OwnPronoun().IsMatch(before) && g.IsSide(claimant))
        {
            how = "pronoun";
            return claimant;
        }

        // The nearest belligerent named before the number, in the same clause.
        // Skipping whoever struck: "Azerbaijani forces shelled villages and two civilians were killed" names the attacker.
        var nearest = s.Mentions.Where(m => m.End <= n.Start && m.Start >= clause.Start && m.Side is not null && (m.Belligerent || m.Kind == MentionKind.Place) && !s.Quoted(m.Start) && !Attacks(s, m))
            .OrderByDescending(m => m.End).FirstOrDefault();
        nearest ??= s.Mentions.Where(m => m.End <= n.Start && m.Side is not null && (m.Belligerent || m.Kind == MentionKind.Place) && !s.Quoted(m.Start) && !Attacks(s, m))
            .OrderByDescending(m => m.End).FirstOrDefault();
        if (nearest?.Side is not null)
        {
            // "Armenian units in Karabakh said 23 soldiers died": an ally's forces in a place
            // of its ally count as that place's side.
            var local = s.Mentions.FirstOrDefault(m => m.Start >= nearest.End && m.End <= n.Start && m.Start - nearest.End < 40 && m.Kind == MentionKind.Place
                                                       && m.Side is not null && m.Side != nearest.Side && g.SameCamp(nearest.Side, m.Side));
            how = (local ?? nearest).Kind == MentionKind.Place ? "place" : "nearest";
            return PeopleAt(s, local ?? nearest, headToken, population);
        }

        // "Fano gunmen ambushed a convoy, killing 14 soldiers": nobody else named, the people hit are those the attacker
        // fights, when it fights only one side.
        var struck = s.Mentions.FirstOrDefault(m => m.Side is not null && m.Belligerent && !s.Quoted(m.Start) && Attacks(s, m));
        if (struck is not null && g.SoleAdversary(struck.Side!) is { } hit)
        {
            how = "attacked";
            return hit;
        }

        how = "claimant";
        return g.IsSide(claimant) ? claimant : "unknown";
    }

    /// <summary>
    /// Whose people were hit at a place of <paramref name="place"/>'s side: that side's, except that militants, rebels and
    /// other irregular fighters killed in the land of a people belong to the armed group that fights for it ("25 militants
    /// killed in the valley" are not 25 of the valley's people). Soldiers stay the place's: an army may fight there too.
    /// </summary>
    private static string PeopleAt(SentenceContext s, Mention place, int headToken, Population population)
    {
        var side = place.Side!;
        if (place.Kind != MentionKind.Place || population != Population.Military || headToken >= s.Tokens.Count
            || !s.Config.Casualties["irregularNouns"].IsMatch(s.Tokens[headToken].Text))
        {
            return side;
        }

        return s.Conflict.FightersOf(side) ?? side;
    }

    private static bool IsCumulative(SentenceContext s, NumberMention n, (int Start, int End) clause)
    {
        // "21 more soldiers", "another 21": what was added to a total, not the total ("14 killed and another 90 wounded
        // since ..." only adds another kind of figure).
        var lead = s.Text.AsSpan()[Math.Max(0, n.Start - 16)..n.Start];
        if (Increment().IsMatch(s.Text.AsSpan()[n.End..Math.Min(s.Text.Length, n.End + 14)])
            || (AnotherBefore().IsMatch(lead) && !AndAnother().IsMatch(lead)))
        {
            return false;
        }

        // The phrase around the number, between the commas that enclose it.
        var start = s.Text.LastIndexOf(',', Math.Max(0, n.Start - 1));
        var end = s.Text.IndexOf(',', n.End);
        var span = s.Text[Math.Max(start + 1, clause.Start)..(end < 0 ? clause.End : Math.Min(end, clause.End))];
        if (s.Config.Casualties["cumulativeCues"].IsMatch(span) || Perfect().IsMatch(span))
        {
            return true;
        }

        // "Over 500 people, among them many children, have died so far": the verb may follow an aside.
        var rest = s.Text.AsSpan()[n.End..clause.End];
        return RunningTotalAfter().IsMatch(rest.Length > 90 ? rest[..90] : rest);
    }

    [GeneratedRegex(@"^[^.;]*?\b(?:have|has)\s+(?:now\s+)?(?:been\s+)?(?:killed|died|wounded|injured|displaced|fled)\b[^.;]*?\b(?:since|so far|to date|in total)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RunningTotalAfter();

    private static Mention? MentionAt(SentenceContext s, int start) => s.Mentions.FirstOrDefault(m => m.Start == start && m.Side is not null)
        ?? s.Mentions.FirstOrDefault(m => m.Start == start);

    [GeneratedRegex(@"^(?:were|was|are|have been|had been|has been|got|died|dead|killed|wounded|injured|displaced|fled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BareOutcome();

    [GeneratedRegex(@"^\s+(?:(?:have|has|had)\s+been|were|are)\s+(?:killed|dead)\s+(?:or|and)\s+(?:injured|wounded|maimed|hurt)\b|^\s+(?:(?:have|has|had)\s+been|were|are)\s+(?:injured|wounded)\s+(?:or|and)\s+killed\b", RegexOptions.IgnoreCase)]
    private static partial Regex KilledOrHurt();

    [GeneratedRegex(@"^[a-z]{3,}s (?:were|have been|had been) (?:killed|wounded|injured|hurt)\b")]
    private static partial Regex PluralHurt();

    [GeneratedRegex(@"\b(?:every|each|per)\s+(?:single\s+)?(?:family|household|village|home|house|day|week|month|town|district|community)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Distributive();

    [GeneratedRegex(@"[;]|,?\s+\b(?:while|whereas|but|although)\b")]
    private static partial Regex ClauseStop();

    [GeneratedRegex(@"\b(?:from|in|of|on|among|near|around|inside)\s+(?:the\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"\b(?:they|we|our|their)\s+(?:\w+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnPronoun();

    [GeneratedRegex(@"\b(?:been|were|was|are|is|be)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Passive();

    [GeneratedRegex(@"^\p{Lu}\p{L}+(?:ians|ans|is|ers)$")]
    private static partial Regex PluralPeople();

    [GeneratedRegex(@"^\s+(?:more|additional|further|new)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Increment();

    [GeneratedRegex(@"\b(?:another|an additional|a further)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AnotherBefore();

    [GeneratedRegex(@"\b(?:and|,)\s+(?:another|an additional|a further)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AndAnother();

    /// <summary>The claimant as the subject: "it had killed", "its forces killed", "we destroyed", "our units".</summary>
    [GeneratedRegex(@"\b(?:it|they|we|its|their|our)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnSubject();

    [GeneratedRegex(@"\b(?:including|among them|among whom|of them|of whom)\s+(?:at least\s+|some\s+|about\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Subset();

    [GeneratedRegex(@"^\s*(?:of|from|among)\s+(?:the\s+)?(?:enemy|adversary|opponents?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Enemy();

    /// <summary>"killed in the Israeli strikes": a side named as the one whose weapons struck.</summary>
    [GeneratedRegex(@"^\s+(?:air\s*)?(?:strikes?|airstrikes?|attacks?|shelling|bombardment|bombing|raids?|offensive|missiles?|rockets?|drones?|artillery|fire|barrage|assault|incursion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttackNounAfter();

    /// <summary>"with each side reporting dozens of dead": each side's own count, summed up as one figure.</summary>
    [GeneratedRegex(@"\b(?:each|both)\s+sides?\s+(?:reporting|reported|reports|report|claiming|claimed|saying|said)\s+(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex BothReport();

    [GeneratedRegex(@"\b(?:both sides|each side|both countries|the two sides)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BothSides();

    /// <summary>A perfect that counts up ("have been killed", "had lost"); not the reported past of one strike ("said it had killed 40").</summary>
    [GeneratedRegex(@"\b(?:have|has)\s+(?:now\s+)?(?:been\s+)?(?:killed|died|wounded|injured|displaced|fled|suffered|lost)\b|\bhad\s+(?:now\s+)?(?:been\s+(?:killed|wounded|injured|displaced)|died|fled|suffered|lost)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Perfect();
}
