using Watchbot.Core.Events;

namespace Watchbot.Extraction.Evaluation;

/// <summary>The event part of <c>score_extraction.py</c>: per kind, a gold event is found by an extracted event of that kind and
/// article holding every cue; displacement is also found by an event carrying a displaced figure.</summary>
internal static class EventScorer
{
    public static KindScore ScoreKind(string kind, IReadOnlyList<Scored> events, GoldFile gold, IReadOnlySet<string> goldFiles, List<Finding> findings, Tally tally)
    {
        var goldOfKind = gold.Events.Where(g => g.Kind == kind).ToList();
        var finders = events.Where(e => e.Event.Kind.Name() == kind
            || (kind == "displacement" && e.Event.Casualties.Any(c => c.Outcome == CasualtyOutcome.Displaced))).ToList();
        var found = 0;
        var must = 0;
        foreach (var g in goldOfKind.Where(g => g.Must))
        {
            must++;
            var hit = finders.FirstOrDefault(e => Matches(g, e));
            if (hit is null)
            {
                findings.Add(new Finding(FindingType.Miss, g.File, $"  miss {kind} {PyText.Head(g.File, 3)} {PyText.List(g.Cues)}: {PyText.Head(g.Text, 80)}"));
                continue;
            }

            found++;
            if (tally.Date(g.Date, hit.Event) == false)
            {
                findings.Add(new Finding(FindingType.WrongAttribute, g.File,
                    $"  wrong date {kind} {PyText.Head(g.File, 3)} {PyText.List(g.Cues)}: extracted {CasualtyScorer.DayText(hit.Event)}, gold {g.Date}: {hit.SentenceIn(g.File)}"));
            }
        }

        var ofKind = events.Where(e => e.Event.Kind.Name() == kind).ToList();
        var falsePositives = 0;
        foreach (var e in ofKind.Where(e => !goldOfKind.Any(g => Matches(g, e))))
        {
            falsePositives++;
            findings.Add(new Finding(FindingType.FalsePositive, e.GoldFiles(goldFiles)[0], $"  false {kind} {e.Short(goldFiles)}: {PyText.Head(e.Text, 100)}"));
        }

        var recall = must > 0 ? (double)found / must : 1.0;
        var precision = ofKind.Count > 0 ? (double)(ofKind.Count - falsePositives) / ofKind.Count : goldOfKind.Count == 0 ? 1.0 : 0.0;
        return new KindScore(kind, found, must, ofKind.Count, falsePositives, recall, precision);
    }

    /// <summary>Stance of every must ceasefire found: the first ceasefire event that finds it must carry the gold stance.</summary>
    public static (int Right, int Checked) Stances(IReadOnlyList<Scored> events, GoldFile gold, List<Finding> findings)
    {
        int right = 0, seen = 0;
        foreach (var g in gold.Events.Where(g => g.Kind == "ceasefire" && g.Must))
        {
            var hit = events.FirstOrDefault(e => e.Event.Kind == EventKind.Ceasefire && Matches(g, e));
            if (hit is null)
            {
                continue;
            }

            seen++;
            var stance = hit.Event.Stance?.Name();
            if (stance == g.Stance)
            {
                right++;
            }
            else
            {
                findings.Add(new Finding(FindingType.WrongAttribute, g.File,
                    $"  wrong stance ceasefire {PyText.Head(g.File, 3)} {PyText.List(g.Cues)}: extracted {PyText.Str(stance)}, gold {PyText.Str(g.Stance)}: {hit.SentenceIn(g.File)}"));
            }
        }

        return (right, seen);
    }

    /// <summary><c>matches</c>: the gold event's article is among the event's, and every cue (lower-cased) is in its text.</summary>
    public static bool Matches(GoldEvent g, Scored e) =>
        e.Files.Contains(g.File) && g.Cues.All(c => e.Text.Contains(c.ToLowerInvariant(), StringComparison.Ordinal));
}
