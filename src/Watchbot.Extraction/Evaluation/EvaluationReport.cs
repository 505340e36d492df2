using System.Globalization;
using System.Text;

namespace Watchbot.Extraction.Evaluation;

/// <summary>Precision and recall of one kind of item. Recall counts only the gold items marked <c>must</c>.</summary>
public sealed record Score(string Name, int Extracted, int ExtractedMatched, int GoldMust, int GoldMustFound)
{
    public double Precision => Extracted == 0 ? 1 : (double)ExtractedMatched / Extracted;
    public double Recall => GoldMust == 0 ? 1 : (double)GoldMustFound / GoldMust;
}

/// <summary>One line of the error list: a gold item missed, an extracted item with no gold, a negative extracted, a wrong date.</summary>
public sealed record EvaluationFinding(string Type, string File, string What, string? Sentence);

public sealed record EvaluationReport(
    Score Casualties,
    Score Escalations,
    Score Ceasefires,
    Score Displacement,
    int DatesChecked,
    int DatesExact,
    int RangesChecked,
    int RangesContained,
    int PublishedChecked,
    int PublishedCorrect,
    int NegativesListed,
    int NegativesExtracted,
    IReadOnlyDictionary<string, (int Checked, int Agreed)> Attributes,
    IReadOnlyList<EvaluationFinding> Findings)
{
    public double DateAccuracy => DatesChecked == 0 ? 1 : (double)DatesExact / DatesChecked;

    public string Format()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("kind          extracted  precision  must  found  recall");
        foreach (var s in new[] { Casualties, Escalations, Ceasefires, Displacement })
        {
            sb.AppendLine(inv, $"{s.Name,-13} {s.Extracted,9}  {s.Precision,9:0.00}  {s.GoldMust,4}  {s.GoldMustFound,5}  {s.Recall,6:0.00}");
        }

        sb.AppendLine(inv, $"exact-day dates: {DatesExact}/{DatesChecked} = {DateAccuracy:0.00}; dates inside gold ranges: {RangesContained}/{RangesChecked}");
        if (PublishedChecked > 0)
        {
            sb.AppendLine(inv, $"publication dates: {PublishedCorrect}/{PublishedChecked}");
        }

        sb.AppendLine(inv, $"negatives extracted: {NegativesExtracted} of {NegativesListed} listed");
        if (Attributes.Count > 0)
        {
            sb.AppendLine("casualty attributes agreeing on matched figures: " + string.Join(", ", Attributes.Select(a => $"{a.Key} {a.Value.Agreed}/{a.Value.Checked}")));
        }

        foreach (var f in Findings)
        {
            sb.AppendLine(inv, $"{f.Type}: {f.File}: {f.What}");
            if (!string.IsNullOrEmpty(f.Sentence))
            {
                sb.AppendLine("    " + f.Sentence);
            }
        }

        return sb.ToString();
    }
}
