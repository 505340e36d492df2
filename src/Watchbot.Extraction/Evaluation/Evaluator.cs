using Watchbot.Core.Events;

namespace Watchbot.Extraction.Evaluation;

/// <summary>
/// Scores extracted events against a gold file exactly as <c>../shared/tools/score_extraction.py</c> does (its numbers and its
/// <c>-v</c> lines), and beyond it lists every found item with a wrong attribute. Pure: events in export order and the gold in,
/// a report out. The order matters as it does to the script: a gold item is judged by the first extracted item that finds it.
/// </summary>
public static class Evaluator
{
    /// <summary>The kinds <c>score_extraction.py</c> scores as events; its output always has a line for each.</summary>
    public static readonly IReadOnlyList<string> ScriptKinds = ["escalation", "ceasefire", "displacement"];

    /// <summary>Every kind scored as an event (<see cref="EventKindInfo.Scored"/>): the script's, then the catalogue's others.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ScriptKinds.Union(EventKinds.All.Where(k => k.Scored).Select(k => k.Name)).ToList();

    /// <param name="kinds">The kinds scored as events: every scored kind by default; <see cref="ScriptKinds"/> gives the
    /// script's report line for line.</param>
    public static EvaluationReport Evaluate(IReadOnlyList<EventDraft> extracted, GoldFile gold, EventFilter? filter = null, IReadOnlyList<string>? kinds = null)
    {
        filter ??= EventFilter.ByArticleTopic;
        var goldFiles = gold.Articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        var topicOfFile = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var a in gold.Articles)
        {
            topicOfFile[a.File] = a.Topic;
        }

        var events = extracted
            .Select(e => new Scored(e, ScoringRules.FilesOf(e), ScoringRules.TextOf(e)))
            .Where(s => s.GoldFiles(goldFiles).Count > 0 && !s.Event.Status.IsWithdrawn()
                && filter.Keeps(s.Event.Topics, s.GoldFiles(goldFiles), topicOfFile))
            .ToList();
        var findings = new List<Finding>();
        var tally = new Tally();
        var casualties = CasualtyScorer.Score(events, gold, goldFiles, findings, tally);
        // A kind the script does not know is scored where the gold or the extraction has it, so the script's figures stay comparable.
        var scores = (kinds ?? Kinds)
            .Where(k => ScriptKinds.Contains(k) || gold.Events.Any(g => g.Kind == k) || events.Any(e => e.Event.Kind.Name() == k))
            .Select(k => EventScorer.ScoreKind(k, events, gold, goldFiles, findings, tally)).ToList();
        var (stanceRight, stanceChecked) = EventScorer.Stances(events, gold, findings);
        return new EvaluationReport
        {
            EventsScored = events.Count,
            CasualtyFigures = casualties.Figures,
            CasualtiesFound = casualties.Found,
            CasualtiesMust = casualties.Must,
            FalseCasualties = casualties.False,
            PopulationRight = casualties.PopulationRight,
            SideRight = casualties.SideRight,
            SideChecked = casualties.SideChecked,
            ClaimantRight = casualties.ClaimantRight,
            ClaimantChecked = casualties.ClaimantChecked,
            Kinds = scores,
            StanceRight = stanceRight,
            StanceChecked = stanceChecked,
            DatesRight = tally.DatesRight,
            DatesChecked = tally.DatesChecked,
            Findings = findings,
        };
    }
}

/// <summary>An extracted event with what the rules read from it once.</summary>
internal sealed record Scored(EventDraft Event, IReadOnlySet<string> Files, string Text)
{
    public IReadOnlyList<string> GoldFiles(IReadOnlySet<string> gold) => Files.Where(gold.Contains).Order(StringComparer.Ordinal).ToList();

    /// <summary><c>sorted(files_of(e) &amp; gfiles)[0][:3]</c>: the short name of the article in a -v line.</summary>
    public string Short(IReadOnlySet<string> gold) => PyText.Head(GoldFiles(gold)[0], 3);

    /// <summary>The sentence this event was read from in <paramref name="file"/>, for a wrong-attribute line.</summary>
    public string SentenceIn(string file) =>
        PyText.CollapseSpace(Event.Sources.FirstOrDefault(s => s.File is { } f && f[(f.LastIndexOf('/') + 1)..] == file)?.Sentence ?? Event.Summary);
}

/// <summary>Dates are counted over casualty figures and events together.</summary>
internal sealed class Tally
{
    public int DatesRight { get; private set; }

    public int DatesChecked { get; private set; }

    public bool? Date(string? goldDate, EventDraft e)
    {
        var ok = ScoringRules.DateOk(goldDate, e.Date, e.DateEnd);
        if (ok is { } right)
        {
            DatesChecked++;
            DatesRight += right ? 1 : 0;
        }

        return ok;
    }
}
