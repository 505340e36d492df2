using Watchbot.Core.Events;
using Watchbot.Core.Storage;

namespace Watchbot.Extraction.Evaluation;

/// <summary>Scores extracted events against a gold file. Pure: events per file name and the gold in, a report out.</summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(
        IReadOnlyDictionary<string, IReadOnlyList<EventDraft>> eventsByFile,
        GoldFile gold,
        IReadOnlyDictionary<string, ArticleDraft>? articlesByFile = null)
    {
        var findings = new List<EvaluationFinding>();
        var files = gold.Articles.Select(a => a.File).Union(eventsByFile.Keys).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<EventDraft> EventsOf(string file) => eventsByFile.TryGetValue(file, out var list) ? list : [];

        var datesChecked = 0;
        var datesExact = 0;
        var rangesChecked = 0;
        var rangesContained = 0;

        void CheckDate(string file, string? goldDate, EventDraft e, string what)
        {
            if (GoldDate.Parse(goldDate) is not { } g)
            {
                return;
            }

            if (g.SingleDay)
            {
                datesChecked++;
                if (e.Date == g.Start)
                {
                    datesExact++;
                }
                else
                {
                    findings.Add(new EvaluationFinding("wrong date", file, $"{what}: extracted {e.Date:yyyy-MM-dd}, gold {g.Start:yyyy-MM-dd}", e.Sources.FirstOrDefault()?.Sentence));
                }
            }
            else
            {
                rangesChecked++;
                if (e.Date >= g.Start && e.Date <= g.End)
                {
                    rangesContained++;
                }
            }
        }

        // Casualty figures: every claim of every event (displacement figures included).
        var attributes = new Dictionary<string, (int Checked, int Agreed)>();
        void Agree(string name, bool ok)
        {
            attributes.TryGetValue(name, out var v);
            attributes[name] = (v.Checked + 1, v.Agreed + (ok ? 1 : 0));
        }

        int extractedClaims = 0, matchedClaims = 0, mustClaims = 0, foundClaims = 0;
        foreach (var file in files.Order())
        {
            var claims = EventsOf(file).SelectMany(e => e.Casualties.Select(c => (Claim: c, Event: e))).ToList();
            var goldHere = gold.Casualties.Where(g => g.File == file).ToList();
            foreach (var (claim, e) in claims)
            {
                extractedClaims++;
                if (goldHere.Any(g => SameFigure(g, claim)))
                {
                    matchedClaims++;
                }
                else
                {
                    findings.Add(new EvaluationFinding("false positive (casualties)", file, e.Summary, e.Sources.FirstOrDefault()?.Sentence));
                }
            }

            foreach (var g in goldHere.Where(g => g.Must))
            {
                mustClaims++;
                var matches = claims.Where(c => SameFigure(g, c.Claim)).ToList();
                if (matches.Count == 0)
                {
                    findings.Add(new EvaluationFinding("missed (casualties)", file, $"{g.Count} {g.Population} {g.Outcome} ({g.Side})", g.Text));
                    continue;
                }

                foundClaims++;
                var (claim, e) = matches[0];
                CheckDate(file, g.Occurred, e, $"{g.Count} {g.Outcome}");
                Agree("side", string.Equals(g.Side, claim.Side, StringComparison.OrdinalIgnoreCase));
                Agree("population", string.Equals(g.Population, claim.Population.Name(), StringComparison.OrdinalIgnoreCase));
                Agree("outcome", string.Equals(g.Outcome, claim.Outcome.Name(), StringComparison.OrdinalIgnoreCase));
                Agree("qualifier", string.Equals(g.Qualifier, claim.Qualifier.Name(), StringComparison.OrdinalIgnoreCase));
                Agree("cumulative", g.Cumulative == claim.Cumulative);
                Agree("claimedBy", string.Equals(g.ClaimedBy, claim.ClaimedBy, StringComparison.OrdinalIgnoreCase));
            }
        }

        var casualtyScore = new Score("casualties", extractedClaims, matchedClaims, mustClaims, foundClaims);

        Score ScoreKind(EventKind kind)
        {
            int extracted = 0, matched = 0, must = 0, found = 0;
            var name = kind.Name();
            foreach (var file in files.Order())
            {
                var events = EventsOf(file).Where(e => e.Kind == kind).ToList();
                var goldHere = gold.Events.Where(g => g.File == file && string.Equals(g.Kind, name, StringComparison.OrdinalIgnoreCase)).ToList();
                foreach (var e in events)
                {
                    extracted++;
                    if (goldHere.Any(g => Matches(g, e)))
                    {
                        matched++;
                    }
                    else
                    {
                        findings.Add(new EvaluationFinding($"false positive ({name})", file, e.Summary, e.Sources.FirstOrDefault()?.Sentence));
                    }
                }

                foreach (var g in goldHere.Where(g => g.Must))
                {
                    must++;
                    var matches = events.Where(e => Matches(g, e)).ToList();
                    if (matches.Count == 0)
                    {
                        findings.Add(new EvaluationFinding($"missed ({name})", file, string.Join(", ", g.Cues), g.Text));
                        continue;
                    }

                    found++;
                    var best = matches.FirstOrDefault(e => GoldDate.Parse(g.Date) is { } d && e.Date == d.Start) ?? matches[0];
                    CheckDate(file, g.Date, best, string.Join(", ", g.Cues));
                    if (kind == EventKind.Ceasefire && g.Stance is not null)
                    {
                        Agree("stance", matches.Any(m => m.Stance is { } s && s.Name() == g.Stance));
                    }
                }
            }

            return new Score(name, extracted, matched, must, found);
        }

        var escalations = ScoreKind(EventKind.Escalation);
        var ceasefires = ScoreKind(EventKind.Ceasefire);
        var displacement = ScoreKind(EventKind.Displacement);

        var negativesExtracted = 0;
        foreach (var n in gold.Negatives)
        {
            var hit = EventsOf(n.File).FirstOrDefault(e => e.Casualties.Any(c => c.Count == n.Count || c.CountHigh == n.Count));
            if (hit is not null)
            {
                negativesExtracted++;
                findings.Add(new EvaluationFinding("negative extracted", n.File, $"{n.Count} ({n.Why})", hit.Sources.FirstOrDefault()?.Sentence));
            }
        }

        int publishedChecked = 0, publishedCorrect = 0;
        if (articlesByFile is not null)
        {
            foreach (var a in gold.Articles)
            {
                if (GoldDate.Parse(a.Published) is not { } d || !articlesByFile.TryGetValue(a.File, out var article))
                {
                    continue;
                }

                publishedChecked++;
                if (article.Published == d.Start && article.DateFound)
                {
                    publishedCorrect++;
                }
                else
                {
                    findings.Add(new EvaluationFinding("wrong publication date", a.File, $"parsed {article.Published:yyyy-MM-dd} (found: {article.DateFound}), gold {d.Start:yyyy-MM-dd}", null));
                }
            }
        }

        return new EvaluationReport(casualtyScore, escalations, ceasefires, displacement, datesChecked, datesExact, rangesChecked, rangesContained,
            publishedChecked, publishedCorrect, gold.Negatives.Count, negativesExtracted, attributes,
            findings.OrderBy(f => f.Type.StartsWith("negative", StringComparison.Ordinal) ? 0 : f.Type.StartsWith("missed", StringComparison.Ordinal) ? 1 : 2).ThenBy(f => f.File).ToList());
    }

    private static bool SameFigure(GoldCasualty g, CasualtyClaim c) =>
        g.Count == c.Count && (g.CountHigh is null || g.CountHigh == c.CountHigh);

    /// <summary>An extracted event matches a gold event when its sentences and summary contain every cue.</summary>
    public static bool Matches(GoldEvent g, EventDraft e)
    {
        var text = string.Join("\n", e.Sources.Select(s => s.Sentence)) + "\n" + e.Summary;
        return g.Cues.Count > 0 && g.Cues.All(cue => text.Contains(cue, StringComparison.OrdinalIgnoreCase));
    }
}
