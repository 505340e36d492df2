namespace Watchbot.Host.Configuration;

public static class Paths
{
    /// <summary>A relative path is taken beside the program (where appsettings.json and config/ are copied on build).</summary>
    public static string BesideProgram(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
