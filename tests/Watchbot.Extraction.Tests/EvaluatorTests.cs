using Watchbot.Core.Events;
using Watchbot.Extraction.Evaluation;

namespace Watchbot.Extraction.Tests;

/// <summary>The whole scorer on a small invented war (Atlantis and Lemuria), every number worked out by hand the way
/// score_extraction.py --by-file-topic counts it.</summary>
public class EvaluatorTests
{
    private const string Gold = """
        {
          "articles": [ { "file": "a.txt", "published": "2021-03-05", "topic": "atlantis" }, { "file": "b.txt", "topic": "none" } ],
          "casualties": [
            { "file": "a.txt", "occurred": "2021-03-04", "side": "Atlantis", "population": "civilian", "outcome": "killed", "count": 5,
              "claimedBy": "Atlantis health ministry", "must": true, "text": "five villagers lost their lives" },
            { "file": "a.txt", "side": "Lemuria", "population": "military", "outcome": "wounded", "count": 9,
              "claimedBy": "Lemuria army", "text": "nine of its soldiers were hurt" },
            { "file": "a.txt", "side": "Atlantis", "population": "civilian", "outcome": "displaced", "count": 40, "must": false, "text": "forty families" }
          ],
          "events": [
            { "file": "a.txt", "kind": "escalation", "date": "2021-03-04", "cues": ["raid", "Harbour"], "text": "the raid on the harbour" },
            { "file": "a.txt", "kind": "ceasefire", "date": "2021-03-05", "stance": "agreement", "cues": ["truce"], "must": true, "text": "a truce was agreed" },
            { "file": "a.txt", "kind": "displacement", "cues": ["fled"], "must": true, "text": "families fled the coast" }
          ],
          "negatives": [ { "file": "a.txt", "count": 155, "why": "a calibre", "text": "155 mm" }, { "file": "a.txt", "count": 6.5, "why": "a magnitude" } ]
        }
        """;

    private static readonly IReadOnlyList<EventDraft> Extracted =
    [
        Event(EventKind.Escalation, "a.txt", "The raid on the harbour left five villagers dead.", claimedBy: "Health Ministry",
            casualties: [Claim("Atlantis", Population.Civilian, CasualtyOutcome.Killed, 5, claimedBy: "")]),
        Event(EventKind.Casualties, "a.txt", "Its guns fire 155 mm shells.", casualties: [Claim("Atlantis", Population.Military, CasualtyOutcome.Killed, 155)]),
        Event(EventKind.Ceasefire, "a.txt", "Both sides signed a truce.", date: "2021-03-06", stance: CeasefireStance.Call),
        Event(EventKind.Escalation, "a.txt", "Shots were heard elsewhere.", topic: "lemuria"),
        Event(EventKind.Escalation, "b.txt", "Fans threw chairs at the stadium."),
        Event(EventKind.Displacement, "a.txt", "Hundreds of families fled the coast.", status: EventStatus.Rejected),
        Event(EventKind.Casualties, "news/a.txt", "Nine soldiers were hurt, the army said.",
            casualties: [Claim("unknown", Population.Military, CasualtyOutcome.Wounded, 9, claimedBy: "unknown")]),
    ];

    [Fact]
    public void The_summary_is_the_scripts_line_for_line()
    {
        var report = Evaluator.Evaluate(Extracted, GoldFile.Parse(Gold));

        Assert.Equal(
            [
                "events extracted from gold files: 5; casualty figures: 3",
                "casualties: recall 1.00 (2/2) precision 0.67 F1 0.80; population right 2/2; side right 1/2; claimant right 1/2",
                "escalation: recall 1.00 (1/1) precision 0.50 (2 extracted)",
                "ceasefire: recall 1.00 (1/1) precision 1.00 (1 extracted)",
                "displacement: recall 0.00 (0/1) precision 0.00 (0 extracted)",
                "ceasefire stance right: 0/1; dates right: 2/3; negatives extracted: 1",
                "SHORT: casualty F1 0.80, event recall 0.67, event precision 0.67, dates 0.67, side 0.50, claimant 0.50, negatives 1",
            ],
            report.SummaryLines());
        Assert.False(report.Ok);
    }

    [Fact]
    public void Verbose_lists_misses_false_positives_negatives_then_wrong_attributes_with_their_sentences()
    {
        var lines = Evaluator.Evaluate(Extracted, GoldFile.Parse(Gold)).Format(verbose: true).Split('\n');

        Assert.Equal(
            [
                "  miss displacement a.t ['fled']: families fled the coast",
                "  false casualty a.t 155 killed: casualties its guns fire 155 mm shells.",
                "  false escalation b.t: escalation fans threw chairs at the stadium.",
                "  NEGATIVE a.t 155: casualties its guns fire 155 mm shells.",
                "  wrong side a.t 9 wounded: extracted unknown, gold Lemuria: Nine soldiers were hurt, the army said.",
                "  wrong claimant a.t 9 wounded: extracted unknown, gold Lemuria army: Nine soldiers were hurt, the army said.",
                "  wrong date ceasefire a.t ['truce']: extracted 2021-03-06, gold 2021-03-05: Both sides signed a truce.",
                "  wrong stance ceasefire a.t ['truce']: extracted call, gold agreement: Both sides signed a truce.",
            ],
            lines.TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.StartsWith("events extracted from gold files: 5", lines[8]);
    }

    [Fact]
    public void Without_the_topic_filter_the_off_topic_event_counts_as_a_false_positive()
    {
        var report = Evaluator.Evaluate(Extracted, GoldFile.Parse(Gold), EventFilter.All);

        Assert.Equal(6, report.EventsScored);
        Assert.Equal(3, report.Kind("escalation").Extracted);
        Assert.Equal(2, report.Kind("escalation").FalsePositives);
    }

    [Fact]
    public void A_displaced_figure_finds_a_displacement_event_of_another_kind_but_is_no_displacement_event_itself()
    {
        var fled = Event(EventKind.Casualties, "a.txt", "Forty families fled the coast.", casualties: [Claim("Atlantis", Population.Civilian, CasualtyOutcome.Displaced, 40)]);

        var report = Evaluator.Evaluate([fled], GoldFile.Parse(Gold));

        Assert.Equal(1, report.Kind("displacement").Found);
        Assert.Equal(0, report.Kind("displacement").Extracted);
        Assert.Equal(0, report.FalseCasualties);  // 40 displaced is in the gold, though not a must
        Assert.Equal(0, report.CasualtiesFound);
    }

    [Fact]
    public void A_gold_file_that_is_not_json_is_refused_with_a_reason()
    {
        var e = Assert.Throws<InvalidDataException>(() => GoldFile.Parse("{ not json"));
        Assert.Contains("gold file", e.Message);
    }

    private static EventDraft Event(
        EventKind kind, string file, string sentence, string date = "2021-03-04", string topic = "atlantis", string? claimedBy = null,
        CeasefireStance? stance = null, EventStatus status = EventStatus.Published, IReadOnlyList<CasualtyClaim>? casualties = null) => new()
    {
        Kind = kind,
        Date = TestSupport.Day(date),
        Summary = kind.Name(),
        Topics = [topic],
        ClaimedBy = claimedBy,
        Stance = stance,
        Status = status,
        Casualties = casualties ?? [],
        Sources = [new EventSource(file, null, "t", TestSupport.Day("2021-03-05"), sentence)],
    };

    private static CasualtyClaim Claim(string side, Population population, CasualtyOutcome outcome, int count, string claimedBy = "Atlantis") =>
        new(side, population, outcome, count, null, CountQualifier.Exact, false, claimedBy);
}
