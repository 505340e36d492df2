using Watchbot.Core.Events;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Frames;

/// <summary>One extraction rule: the kinds it reads, its lexicon (<c>config/lexicons/&lt;Lexicon&gt;.json</c>) with the
/// lists it must hold, and the function that reads one sentence.</summary>
public sealed record ExtractionRule(
    IReadOnlyList<EventKind> Kinds,
    string Lexicon,
    IReadOnlyList<string> Lists,
    Func<SentenceContext, IReadOnlyList<FrameItem>> Apply);

/// <summary>
/// The registry of rules the extractor runs on every sentence, in this order, and the lexicons every rule shares. The
/// extractor, the config loader (which lexicons to read and check) and the tests loop over it: a new kind of event is
/// a row in <see cref="EventKinds"/>, a rule here with its own lexicon, and its tests.
/// </summary>
public static class ExtractionRules
{
    public static IReadOnlyList<ExtractionRule> All { get; } =
    [
        new([EventKind.Casualties, EventKind.Displacement], "casualties",
            ["militaryNouns", "irregularNouns", "civilianNouns", "unknownNouns", "killedWords", "woundedWords", "missingWords", "capturedWords", "displacedWords", "casualtyWords", "cumulativeCues", "totalPhrases", "inflictVerbs"],
            CasualtyRule.Apply),
        new([EventKind.Escalation], "escalation",
            ["attackVerbs", "attackNouns", "captureVerbs", "threatPatterns", "hypothetical", "repeated", "armedActors"],
            EscalationRule.Apply),
        new([EventKind.Ceasefire], "ceasefire",
            ["objects", "callVerbs", "agreement", "inForce", "violation", "rejection", "negatedCall", "accordEnd", "notPeace"],
            CeasefireRule.Apply),
        new([EventKind.Prisoners], PrisonerRule.Lexicon, PrisonerRule.Lists, PrisonerRule.Apply),
    ];

    /// <summary>The lexicons read by more than one rule, with the lists each must hold.</summary>
    public static IReadOnlyDictionary<string, string[]> Shared { get; } = new Dictionary<string, string[]>
    {
        ["speech"] = ["speechVerbs", "disputeWords", "sourceNouns"],
        ["never-news"] = ["history", "commemoration", "otherTopics", "equipmentNouns", "moneyWords", "populationWords", "deploymentWords", "otherPeopleNouns", "units"],
    };

    /// <summary>Every lexicon file with the lists it must hold: the shared ones and each rule's own.</summary>
    public static IReadOnlyDictionary<string, string[]> RequiredLists { get; } =
        Shared.Concat(All.Select(r => KeyValuePair.Create(r.Lexicon, r.Lists.ToArray()))).ToDictionary();
}
