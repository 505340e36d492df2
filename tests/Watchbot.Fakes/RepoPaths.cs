namespace Watchbot.Fakes;

/// <summary>Where the repository and ../shared (the project's corpus and scorer) are, seen from a test's output folder.
/// Shared by every test project through Watchbot.Fakes.</summary>
public static class RepoPaths
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Watchbot.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Watchbot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>../shared beside the repository; absent on machines without it.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
}
