using System.CommandLine;

namespace Watchbot.Host.Cli;

/// <summary>The `watchbot` command line: run (default), chat, events, migrate, ingest, eval, backup, status. Every verb takes --db.</summary>
public static class WatchbotCli
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The SQLite file to use instead of Watchbot:Storage:Path (its folder must exist)",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Watchbot: follows a war through the news and tells its subscribers what changed.");
        root.Options.Add(Db);
        root.SetAction((result, ct) => RunVerb.ExecuteAsync(result, ct));
        root.Subcommands.Add(RunVerb.Create());
        root.Subcommands.Add(ChatVerb.Create());
        root.Subcommands.Add(EventsVerb.Create());
        root.Subcommands.Add(MigrateVerb.Create());
        root.Subcommands.Add(IngestVerb.Create());
        root.Subcommands.Add(EvalVerb.Create());
        root.Subcommands.Add(BackupVerb.Create());
        root.Subcommands.Add(StatusVerb.Create());
        root.Subcommands.Add(ChartVerb.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Sum(a => a.Length);
        if (total > 100_000)
        {
            await Console.Error.WriteLineAsync("The command line is too long; pass long text through a file.").ConfigureAwait(false);
            return 2;
        }

        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(ParseProblem.Describe(parsed)).ConfigureAwait(false);
            return Verb.Usage;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }
}
