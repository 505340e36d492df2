using Watchbot.Core.Events;

namespace Watchbot.Extraction.Evaluation;

internal sealed record CasualtyCounts(
    int Figures, int Found, int Must, int False, int PopulationRight, int SideRight, int SideChecked, int ClaimantRight, int ClaimantChecked);

/// <summary>The casualty part of <c>score_extraction.py</c>: recall over must figures, precision over every extracted figure.</summary>
internal static class CasualtyScorer
{
    public static CasualtyCounts Score(IReadOnlyList<Scored> events, GoldFile gold, IReadOnlySet<string> goldFiles, List<Finding> findings, Tally tally)
    {
        var figures = events.SelectMany(e => e.Event.Casualties.Select(c => (Event: e, Claim: c))).ToList();
        int found = 0, must = 0, population = 0, sideRight = 0, sideChecked = 0, claimRight = 0, claimChecked = 0;
        foreach (var g in gold.Casualties.Where(g => g.Must))
        {
            must++;
            var hit = figures.FirstOrDefault(x => x.Event.Files.Contains(g.File) && Finds(g, x.Claim));
            if (hit.Claim is null)
            {
                findings.Add(new Finding(FindingType.Miss, g.File,
                    $"  miss casualty {PyText.Head(g.File, 3)} {PyText.Number(g.Count)} {PyText.Str(g.Outcome)}: {PyText.Head(g.Text, 80)}"));
                continue;
            }

            found++;
            var (e, c) = hit;
            var what = $"{PyText.Head(g.File, 3)} {PyText.Number(g.Count)} {PyText.Str(g.Outcome)}";
            void Wrong(string attribute, string? x, string? gv) =>
                findings.Add(new Finding(FindingType.WrongAttribute, g.File, $"  wrong {attribute} {what}: extracted {x}, gold {gv}: {e.SentenceIn(g.File)}"));

            if (!string.Equals(c.Outcome.Name(), g.Outcome, StringComparison.OrdinalIgnoreCase))
            {
                Wrong("outcome", c.Outcome.Name(), g.Outcome);
            }

            if (tally.Date(g.Occurred, e.Event) == false)
            {
                Wrong("date", DayText(e.Event), g.Occurred);
            }

            if (ScoringRules.PopulationRight(g.Population, c.Population.Name()))
            {
                population++;
            }
            else
            {
                Wrong("population", c.Population.Name(), g.Population);
            }

            if (ScoringRules.SideChecked(g.Side))
            {
                sideChecked++;
                if (ScoringRules.NormalizeSide(c.Side) == ScoringRules.NormalizeSide(g.Side))
                {
                    sideRight++;
                }
                else
                {
                    Wrong("side", c.Side, g.Side);
                }
            }

            if (ScoringRules.ClaimantChecked(g.ClaimedBy))
            {
                claimChecked++;
                var claimant = ScoringRules.ClaimantOf(c, e.Event);
                if (ScoringRules.ClaimantRight(g.ClaimedBy, claimant))
                {
                    claimRight++;
                }
                else
                {
                    Wrong("claimant", claimant ?? "none", g.ClaimedBy);
                }
            }
        }

        var falseFigures = 0;
        var negatives = new List<Finding>();
        foreach (var (e, c) in figures)
        {
            var files = e.GoldFiles(goldFiles);
            if (gold.Casualties.Any(g => files.Contains(g.File) && Finds(g, c)))
            {
                continue;
            }

            falseFigures++;
            var text = PyText.Head(e.Text, 90);
            findings.Add(new Finding(FindingType.FalsePositive, files[0], $"  false casualty {e.Short(goldFiles)} {c.Count} {c.Outcome.Name()}: {text}"));
            if (gold.Negatives.Any(n => files.Contains(n.File) && n.Count == c.Count))
            {
                negatives.Add(new Finding(FindingType.Negative, files[0], $"  NEGATIVE {e.Short(goldFiles)} {c.Count}: {text}"));
            }
        }

        findings.AddRange(negatives);
        return new CasualtyCounts(figures.Count, found, must, falseFigures, population, sideRight, sideChecked, claimRight, claimChecked);
    }

    /// <summary>"2020-10-03", or "2020-10-03/2020-10-05" for a range.</summary>
    public static string DayText(EventDraft e) =>
        e.DateEnd is { } end && end != e.Date ? Day(e.Date) + "/" + Day(end) : Day(e.Date);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Finds(GoldCasualty g, CasualtyClaim c) =>
        ScoringRules.CountOk(g.Count, g.CountHigh, c.Count, c.CountHigh) && ScoringRules.OutcomeOk(g.Outcome, c.Outcome.Name());
}
