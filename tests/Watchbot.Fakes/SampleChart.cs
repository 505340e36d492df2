namespace Watchbot.Fakes;

/// <summary>A place for a test's chart file: a temporary folder, removed with the object.</summary>
public sealed class ChartFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "watchbot-charts-" + Guid.NewGuid().ToString("N"));

    public ChartFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }
}
