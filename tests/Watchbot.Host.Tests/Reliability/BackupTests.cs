using Microsoft.Data.Sqlite;
using Watchbot.Core.Events;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Reliability;

/// <summary>`watchbot backup` while the bot runs and another writer keeps adding events.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("watchbot.db");

    [Fact]
    public async Task A_backup_taken_while_the_bot_runs_and_events_are_written_is_whole_and_consistent()
    {
        using var bot = WatchbotProcess.Start(["run", "--db", Db]);
        Assert.True(await bot.WaitForOutputAsync($"Ingest: {Ingest.IngestCliTests.SampleCount} articles read", 1, TimeSpan.FromSeconds(60), inErrors: true), bot.Error);
        var writer = new SqliteStore(Db);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                await writer.Events.AddAsync(new EventDraft { Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 5), Summary = $"written during the backup {i}", Topics = ["karabakh"] }, CancellationToken.None);
                written++;
            }
        });

        var results = new List<ProcessResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await WatchbotProcess.RunAsync(["backup", temp.File($"backup-{i}.db"), "--db", Db]));
        }

        await stop.CancelAsync();
        await writing;

        Assert.True(written > 0);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.True(results[i].ExitCode == 0, results[i].Error);
            Assert.Contains("integrity check ok", results[i].Output);
            var (count, maxId, maxSeq, highWater) = await ReadAsync(temp.File($"backup-{i}.db"));
            Assert.Equal(maxId, count);
            Assert.Equal(maxSeq, highWater);
            Assert.Equal("ok", await Integrity.OfFileAsync(temp.File($"backup-{i}.db")));
        }
    }

    [Fact]
    public async Task A_backup_does_not_overwrite_a_file_unless_told_to()
    {
        await WatchbotProcess.RunAsync(["migrate", "--db", Db]);
        var target = temp.File("backup.db");
        await File.WriteAllTextAsync(target, "an older backup");

        var refused = await WatchbotProcess.RunAsync(["backup", target, "--db", Db]);
        var replaced = await WatchbotProcess.RunAsync(["backup", target, "--overwrite", "--db", Db]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("exists; choose a new file or add --overwrite", refused.Error);
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.Contains("integrity check ok", replaced.Output);
    }

    [Fact]
    public async Task A_restored_backup_is_a_working_database()
    {
        await WatchbotProcess.RunAsync(["events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04", "--summary", "Shelling of Terter", "--db", Db]);
        var backup = temp.File("backup.db");
        await WatchbotProcess.RunAsync(["backup", backup, "--db", Db]);

        var list = await WatchbotProcess.RunAsync(["events", "list", "--db", backup]);

        Assert.Contains("Shelling of Terter", list.Output);
    }

    private static async Task<(long Count, long MaxId, long MaxSeq, long HighWater)> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(id), MAX(seq), (SELECT last_seq FROM event_seq) FROM events";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
