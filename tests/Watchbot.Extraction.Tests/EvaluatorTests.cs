using Watchbot.Core.Events;
using Watchbot.Extraction.Evaluation;

namespace Watchbot.Extraction.Tests;

public class EvaluatorTests
{
    private const string Gold = """
        {
          "articles": [ { "file": "a.txt", "published": "2020-10-07", "topic": "karabakh" } ],
          "casualties": [
            { "file": "a.txt", "occurred": "2020-10-06", "side": "Azerbaijan", "population": "civilian", "outcome": "killed", "count": 5,
              "countHigh": null, "qualifier": "exact", "cumulative": false, "claimedBy": "Azerbaijan", "must": true, "text": "five civilians were killed" },
            { "file": "a.txt", "occurred": "2020-10-06", "side": "Armenia", "population": "military", "outcome": "killed", "count": 9,
              "countHigh": null, "qualifier": "exact", "cumulative": false, "claimedBy": "Armenia", "must": true, "text": "nine soldiers" }
          ],
          "events": [
            { "file": "a.txt", "kind": "escalation", "date": "2020-10-06", "stance": null, "actor": "Armenia", "cues": ["Barda"], "must": true, "text": "rockets hit Barda" }
          ],
          "negatives": [ { "file": "a.txt", "count": 300, "why": "calibre", "text": "300mm" } ]
        }
        """;

    private static EventDraft Event(EventKind kind, string date, string sentence, int? count = null) => new()
    {
        Kind = kind,
        Date = TestSupport.Day(date),
        Summary = sentence,
        Casualties = count is null ? [] : [new CasualtyClaim("Azerbaijan", Population.Civilian, CasualtyOutcome.Killed, count.Value, null, CountQualifier.Exact, false, "Azerbaijan")],
        Sources = [new EventSource("a.txt", null, "t", TestSupport.Day("2020-10-07"), sentence)],
    };

    [Fact]
    public void Precision_recall_dates_misses_and_false_positives_are_reported()
    {
        var events = new Dictionary<string, IReadOnlyList<EventDraft>>
        {
            ["a.txt"] =
            [
                Event(EventKind.Casualties, "2020-10-06", "five civilians were killed", 5),
                Event(EventKind.Casualties, "2020-10-06", "it fired 300mm rockets", 300),
                Event(EventKind.Escalation, "2020-10-05", "Rockets hit Barda."),
                Event(EventKind.Escalation, "2020-10-06", "Something else happened in Hadrut."),
            ],
        };
        var report = Evaluator.Evaluate(events, GoldFile.Parse(Gold));
        Assert.Equal(0.5, report.Casualties.Precision);
        Assert.Equal(0.5, report.Casualties.Recall);
        Assert.Equal(0.5, report.Escalations.Precision);
        Assert.Equal(1.0, report.Escalations.Recall);
        Assert.Equal(1, report.NegativesExtracted);
        Assert.Equal(2, report.DatesChecked);
        Assert.Equal(1, report.DatesExact);
        Assert.Contains(report.Findings, f => f.Type == "missed (casualties)" && f.Sentence == "nine soldiers");
        Assert.Contains(report.Findings, f => f.Type == "false positive (escalation)" && f.Sentence!.Contains("Hadrut"));
        Assert.Contains(report.Findings, f => f.Type == "wrong date");
        Assert.Contains("negatives extracted: 1 of 1", report.Format());
    }

    [Fact]
    public void A_gold_file_that_is_not_json_is_refused_with_a_reason()
    {
        var e = Assert.Throws<InvalidDataException>(() => GoldFile.Parse("{ not json"));
        Assert.Contains("gold file", e.Message);
    }
}
