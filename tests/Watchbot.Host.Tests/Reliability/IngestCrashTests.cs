using System.Globalization;
using Microsoft.Data.Sqlite;
using Watchbot.Host.Tests.Support;
using Xunit.Abstractions;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// Kills `watchbot ingest` with SIGKILL while it stores a folder of articles, runs it again, and compares the result
/// with an uninterrupted run: no article half-stored, no event missing or stored twice, the same seqs. The killed runs
/// store in batches of <see cref="Batch"/> articles (the uninterrupted one in the default 100), so a kill lands inside
/// a batch that is read and partly written but not committed.
/// </summary>
public sealed class IngestCrashTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string[] Places = ["Stepanakert", "Martuni", "Hadrut", "Ganja", "Barda", "Terter", "Fuzuli", "Lachin"];
    private readonly TempFolder temp = new();

    private const int Batch = 7;

    private static readonly Dictionary<string, string> SmallBatches = new() { ["Watchbot__Ingest__BatchArticles"] = Batch.ToString(CultureInfo.InvariantCulture) };

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("WATCHBOT_INGEST_KILLS"), out var n) ? n : 3;

    [Fact]
    public async Task Killing_ingest_mid_article_leaves_no_half_stored_article_and_no_duplicate_event()
    {
        const int articles = 120;
        var folder = temp.File("news");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < articles; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:D3}.txt"), Article(i));
        }

        var reference = temp.File("reference.db");
        var clean = await WatchbotProcess.RunAsync(["ingest", folder, "--db", reference]);
        Assert.True(clean.ExitCode == 0, clean.Error);

        var crashed = temp.File("crashed.db");
        var random = new Random(20201012);
        var killedAt = new List<long>();
        for (var kill = 0; kill < Kills; kill++)
        {
            var before = await CountAsync(crashed, "SELECT COUNT(*) FROM articles");
            var target = before + random.Next(1, Math.Max(2, (int)(articles - before) / 2));
            using var process = WatchbotProcess.Start(["ingest", folder, "--db", crashed], SmallBatches);
            await WaitUntilAsync(async () => await CountAsync(crashed, "SELECT COUNT(*) FROM articles") >= target);
            process.Kill();
            var stored = await CountAsync(crashed, "SELECT COUNT(*) FROM articles");
            killedAt.Add(stored);
            // Whole batches or nothing: what a killed run left is a number of complete batches past what it found.
            Assert.True((stored - before) % Batch == 0 || stored == articles, $"a killed run left {stored - before} articles past {before}, not whole batches of {Batch}");
        }

        var finish = await WatchbotProcess.RunAsync(["ingest", folder, "--db", crashed], environment: SmallBatches);
        log.WriteLine($"{Kills} kills after {string.Join(", ", killedAt)} articles; the last run: {finish.Output.Split('\n').LastOrDefault(l => l.Contains(" read: ", StringComparison.Ordinal))}");

        Assert.True(finish.ExitCode == 0, finish.Error);
        Assert.Equal(articles, await CountAsync(crashed, "SELECT COUNT(*) FROM articles"));
        Assert.Equal("ok", await Integrity.OfFileAsync(crashed));
        Assert.Equal(await SnapshotAsync(reference), await SnapshotAsync(crashed));
        Assert.Equal(0, await CountAsync(crashed, "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)"));
        Assert.Equal(0, await CountAsync(crashed, "SELECT COUNT(*) FROM (SELECT file, sentence FROM event_sources GROUP BY event_id, file, sentence HAVING COUNT(*) > 1)"));
    }

    /// <summary>A short report of our own, different in place, day and figures for each number.</summary>
    private static string Article(int i)
    {
        var place = Places[i % Places.Length];
        var day = 1 + (i % 28);
        var killed = 2 + (i % 9);
        var wounded = 5 + (i % 17);
        return string.Create(CultureInfo.InvariantCulture, $"""
            Overnight shelling reported in {place} (report {i})

            October {day}, 2020

            Artillery fire hit {place} overnight, local officials said on the morning of October {day}. {killed} civilians were killed and {wounded} were wounded, the regional emergency service said.

            Repair crews worked through the day on damaged water pipes in district {i}.
            """);
    }

    /// <summary>Every event as the store holds it: id, seq, kind, status, date, summary, and its sources.</summary>
    private static async Task<string> SnapshotAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.id, e.seq, e.kind, e.status, e.date, e.summary, e.casualties,
                   (SELECT group_concat(file || ':' || sentence, '|') FROM (SELECT file, sentence FROM event_sources s WHERE s.event_id = e.id ORDER BY s.id))
            FROM events e ORDER BY e.id
            """;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(c => reader.IsDBNull(c) ? "" : reader.GetValue(c).ToString())));
        }

        return string.Join('\n', lines);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (SqliteException)
            {
                // The program is creating or migrating the file; look again.
            }

            Thread.SpinWait(200);
        }
    }

    private static async Task<long> CountAsync(string db, string sql)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
