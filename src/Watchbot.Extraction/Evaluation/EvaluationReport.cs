using System.Text;

namespace Watchbot.Extraction.Evaluation;

/// <summary>Recall and precision of one event kind, as <c>score_extraction.py</c> computes them.</summary>
public sealed record KindScore(string Kind, int Found, int Must, int Extracted, int FalsePositives, double Recall, double Precision);

/// <summary>One line of the <c>-v</c> list: a miss, a false positive, a negative extracted, or (beyond the script) a found
/// item with a wrong attribute. <see cref="Line"/> is printed as it is; for the first three it is the script's own line.</summary>
public sealed record Finding(FindingType Type, string File, string Line);

public enum FindingType
{
    Miss,
    FalsePositive,
    Negative,
    WrongAttribute,
}

/// <summary>What <c>score_extraction.py</c> prints, as numbers; <see cref="Format"/> prints it in the script's words.</summary>
public sealed record EvaluationReport
{
    public required int EventsScored { get; init; }
    public required int CasualtyFigures { get; init; }
    public required int CasualtiesFound { get; init; }
    public required int CasualtiesMust { get; init; }
    public required int FalseCasualties { get; init; }
    public required int PopulationRight { get; init; }
    public required int SideRight { get; init; }
    public required int SideChecked { get; init; }
    public required int ClaimantRight { get; init; }
    public required int ClaimantChecked { get; init; }
    public required IReadOnlyList<KindScore> Kinds { get; init; }
    public required int StanceRight { get; init; }
    public required int StanceChecked { get; init; }
    public required int DatesRight { get; init; }
    public required int DatesChecked { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    public int NegativesExtracted => Findings.Count(f => f.Type == FindingType.Negative);

    public double CasualtyRecall => CasualtiesMust > 0 ? (double)CasualtiesFound / CasualtiesMust : 1.0;

    public double CasualtyPrecision => CasualtyFigures > 0 ? (double)(CasualtyFigures - FalseCasualties) / CasualtyFigures : 0.0;

    public double CasualtyF1 => CasualtyRecall + CasualtyPrecision != 0 ? 2 * CasualtyRecall * CasualtyPrecision / (CasualtyRecall + CasualtyPrecision) : 0.0;

    public double EventRecall => (double)Kinds.Sum(k => k.Found) / Math.Max(1, Kinds.Sum(k => k.Must));

    public double EventPrecision => Kinds.Sum(k => k.Extracted) is var extracted and > 0 ? (double)(extracted - Kinds.Sum(k => k.FalsePositives)) / extracted : 0.0;

    public double DateAccuracy => DatesChecked > 0 ? (double)DatesRight / DatesChecked : 0.0;

    public double SideAccuracy => SideChecked > 0 ? (double)SideRight / SideChecked : 1.0;

    public double ClaimantAccuracy => ClaimantChecked > 0 ? (double)ClaimantRight / ClaimantChecked : 1.0;

    /// <summary>The script's OK without minimums: no negative extracted.</summary>
    public bool Ok => NegativesExtracted == 0;

    public KindScore Kind(string kind) => Kinds.Single(k => k.Kind == kind);

    /// <summary>The script's summary, line for line (<c>score_extraction.py</c> without <c>-v</c> prints exactly these).</summary>
    public IReadOnlyList<string> SummaryLines()
    {
        var lines = new List<string>
        {
            $"events extracted from gold files: {EventsScored}; casualty figures: {CasualtyFigures}",
            $"casualties: recall {F(CasualtyRecall)} ({CasualtiesFound}/{CasualtiesMust}) precision {F(CasualtyPrecision)} F1 {F(CasualtyF1)}; " +
            $"population right {PopulationRight}/{CasualtiesFound}; side right {SideRight}/{SideChecked}; claimant right {ClaimantRight}/{ClaimantChecked}",
        };
        lines.AddRange(Kinds.Select(k => $"{k.Kind}: recall {F(k.Recall)} ({k.Found}/{k.Must}) precision {F(k.Precision)} ({k.Extracted} extracted)"));
        lines.Add($"ceasefire stance right: {StanceRight}/{StanceChecked}; dates right: {DatesRight}/{DatesChecked}; negatives extracted: {NegativesExtracted}");
        lines.Add($"{(Ok ? "OK" : "SHORT")}: casualty F1 {F(CasualtyF1)}, event recall {F(EventRecall)}, event precision {F(EventPrecision)}, " +
            $"dates {F(DateAccuracy)}, side {F(SideAccuracy)}, claimant {F(ClaimantAccuracy)}, negatives {NegativesExtracted}");
        return lines;
    }

    /// <summary>The summary; with <paramref name="verbose"/> first every miss, false positive and negative (as the script's
    /// <c>-v</c> lists them) and then every found item with a wrong attribute.</summary>
    public string Format(bool verbose = false)
    {
        var sb = new StringBuilder();
        if (verbose)
        {
            foreach (var type in new[] { FindingType.Miss, FindingType.FalsePositive, FindingType.Negative, FindingType.WrongAttribute })
            {
                foreach (var f in Findings.Where(f => f.Type == type))
                {
                    sb.Append(f.Line).Append('\n');
                }
            }
        }

        foreach (var line in SummaryLines())
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static string F(double x) => PyText.Fixed2(x);
}
