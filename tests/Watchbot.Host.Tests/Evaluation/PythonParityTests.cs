using Watchbot.Extraction.Evaluation;
using Watchbot.Extraction.Curation;
using Watchbot.Host.Ingest;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Evaluation;

/// <summary>The C# scorer is the Python one: the same stored events, exported as `watchbot events export` writes them and
/// scored by ../shared/tools/score_extraction.py --by-file-topic -v, give the same summary and the same miss and false
/// positive lines as <c>Evaluator</c> (which adds only its "wrong attribute" lines).</summary>
public sealed class PythonParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder temp = new();

    [PythonScorerTheory]
    [InlineData("samples")]
    [InlineData("seeds")]
    [InlineData("dev")]
    public async Task The_csharp_report_equals_the_python_scorers_line_for_line(string name)
    {
        var set = ScoredSets.ByName(name);
        var export = temp.File(name + ".jsonl");
        var result = await ScoredSets.ScoreAsync(set, export);

        var python = await PythonScorer.RunAsync(set.Gold, export, TimeSpan.FromSeconds(60));
        // The script knows three kinds of event; the project's other kinds (prisoners) are left out of this comparison.
        var report = Evaluator.Evaluate(result.Stored.Select(IngestPlanner.ToDraft).ToList(), GoldFile.Parse(await File.ReadAllTextAsync(set.Gold)),
            EventFilter.ByArticleTopic, Evaluator.ScriptKinds);
        output.WriteLine("python:\n" + python.Output + python.Error);
        output.WriteLine("c#:\n" + report.Format(verbose: true));

        var csharp = report.Format(verbose: true).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("  wrong ", StringComparison.Ordinal));
        Assert.Equal(python.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), csharp);
        Assert.Equal(python.ExitCode == 0, report.Ok);
        Assert.Contains("events extracted from gold files: ", python.Output);
    }

    public void Dispose() => temp.Dispose();
}
