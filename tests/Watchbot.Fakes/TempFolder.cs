using Microsoft.Data.Sqlite;

namespace Watchbot.Fakes;

/// <summary>A fresh folder under the temp directory, deleted (with every pooled connection closed first) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "watchbot-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing holds the file; the temp folder is cleaned by the OS.
        }
    }
}
