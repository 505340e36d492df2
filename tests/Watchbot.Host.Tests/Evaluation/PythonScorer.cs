using System.Diagnostics;
using System.Text;

namespace Watchbot.Host.Tests.Evaluation;

/// <summary>Runs ../shared/tools/score_extraction.py as a child process the test starts itself, bounded in time and killed
/// by its own id if it outlives the bound.</summary>
public static class PythonScorer
{
    public static string? Python =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "python3"))
            .FirstOrDefault(File.Exists);

    /// <summary>The script's stdout for <c>GOLD EXPORT --by-file-topic -v</c>, with its exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string gold, string export, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(Python ?? "python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { ScoredSets.PythonScorer, gold, export, "--by-file-topic", "-v" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"score_extraction.py (pid {process.Id}) did not finish within {timeout}; killed");
        }

        return (process.ExitCode, await output, await error);
    }
}
