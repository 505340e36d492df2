using System.Diagnostics;
using System.Text;

namespace Watchbot.Host.Tests.Support;

public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real `watchbot` program (built beside the tests) as a child process, bounded in time,
/// and stops it by its own id.</summary>
public sealed class WatchbotProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly Lock gate = new();

    private WatchbotProcess(Process process)
    {
        this.process = process;
    }

    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "watchbot.dll");

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (gate)
            {
                return error.ToString();
            }
        }
    }

    public static WatchbotProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(ProgramPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Tests run side by side: none of them claims the web page's port unless it says so.
        info.Environment["Watchbot__Web__Enabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var running = new WatchbotProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(running.output, e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(running.error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Runs to the end of its input and returns what it printed; killed if it outlives the timeout.</summary>
    public static async Task<ProcessResult> RunAsync(IEnumerable<string> args, string? input = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var running = Start(args, environment);
        if (input is not null)
        {
            await running.process.StandardInput.WriteAsync(input);
        }

        running.process.StandardInput.Close();
        var exit = await running.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return new ProcessResult(exit, running.Output, running.Error);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"watchbot did not exit within {timeout}. Output:\n{Output}\nErrors:\n{Error}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Waits until the output (or, with <paramref name="inErrors"/>, the log on stderr) holds <paramref name="text"/>
    /// at least <paramref name="times"/> times.</summary>
    public async Task<bool> WaitForOutputAsync(string text, int times, TimeSpan timeout, bool inErrors = false)
    {
        string Read() => inErrors ? Error : Output;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (Count(Read(), text) >= times)
            {
                return true;
            }

            await Task.Delay(5);
        }

        return Count(Read(), text) >= times;
    }

    /// <summary>Types one line into the console chat.</summary>
    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>SIGKILL: no clean-up, no flush, as a crash or an OOM kill would be.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                if (process.WaitForExit(10_000))
                {
                    // Without a timeout this also waits until the output readers have drained the pipes.
                    process.WaitForExit();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            to.AppendLine(line);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
