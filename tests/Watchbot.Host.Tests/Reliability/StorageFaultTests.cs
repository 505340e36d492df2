using System.Text;
using Microsoft.Data.Sqlite;
using Watchbot.Host.Tests.Ingest;
using Watchbot.Host.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// The real bot while its SQLite file is locked by another process, or cannot grow (full): it logs the problem in one
/// sentence, keeps running, and catches up (an article dropped in meanwhile is stored and alerted) once it can.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("watchbot.db");

    private string News => temp.File("news");

    private async Task<WatchbotProcess> StartBotAsync(params (string Key, string Value)[] settings)
    {
        Directory.CreateDirectory(News);
        var chat = await WatchbotProcess.RunAsync(["chat", "--db", Db], "/subscribe karabakh\n/alerts karabakh on severity>=1\n");
        Assert.True(chat.ExitCode == 0, chat.Error);
        var environment = new Dictionary<string, string>
        {
            ["Watchbot__Sources__0__Kind"] = "folder",
            ["Watchbot__Sources__0__Path"] = News,
            ["Watchbot__Schedule__IngestInterval"] = "00:00:01",
            ["Watchbot__Schedule__PollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var bot = WatchbotProcess.Start(["run", "--db", Db], environment);
        Assert.True(await bot.WaitForOutputAsync("Ingest: 0 articles read", 1, TimeSpan.FromSeconds(60), inErrors: true), bot.Error);
        return bot;
    }

    [Fact]
    public async Task A_database_locked_by_another_process_is_logged_and_the_bot_catches_up_when_it_is_released()
    {
        using var bot = await StartBotAsync();

        await using (var locker = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await locker.OpenAsync();
            // Another program's long write transaction: the bot can still read, but every write waits, then fails as busy.
            await Execute(locker, "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS held (x INTEGER); INSERT INTO held VALUES (1);");
            await File.WriteAllTextAsync(Path.Combine(News, "shelling.txt"), NewsText.Shelling);
            Assert.True(await bot.WaitForOutputAsync("is locked by another program", 1, TimeSpan.FromSeconds(60), inErrors: true), bot.Error);
            await Execute(locker, "COMMIT;");
        }

        Assert.True(await bot.WaitForOutputAsync("--- alert", 1, TimeSpan.FromSeconds(60)), bot.Output + bot.Error);
        // The alert's body follows its header line, and may still be on its way through the pipe.
        Assert.True(await bot.WaitForOutputAsync("Stepanakert", 1, TimeSpan.FromSeconds(10)), bot.Output);
        Assert.Contains("Ingest: 1 article read", bot.Error);
        Assert.DoesNotContain("Unhandled exception", bot.Error);
        Assert.Equal("ok", await Integrity.OfFileAsync(Db));
    }

    [Fact]
    public async Task A_database_that_cannot_grow_is_logged_writes_nothing_half_and_catches_up_when_space_is_freed()
    {
        using var bot = await StartBotAsync(("Watchbot__Storage__MaxSizeMb", "1"));

        // Another program fills the file past the bot's limit, so every page the bot needs is refused as on a full disk.
        await using (var filler = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await filler.OpenAsync();
            await Execute(filler, "PRAGMA busy_timeout = 5000; CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT randomblob(4000) FROM n;");
        }

        await File.WriteAllTextAsync(Path.Combine(News, "long-report.txt"), LongReport());
        Assert.True(await bot.WaitForOutputAsync("cannot grow", 1, TimeSpan.FromSeconds(30), inErrors: true), bot.Error);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM events"));

        await using (var filler = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await filler.OpenAsync();
            await Execute(filler, "PRAGMA busy_timeout = 5000; DELETE FROM filler;");
        }

        Assert.True(await bot.WaitForOutputAsync("--- alert", 1, TimeSpan.FromSeconds(90)), bot.Output + bot.Error);
        Assert.Equal(1, CountOf(bot.Error, "The database is full"));
        Assert.Contains("has room again", bot.Error);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)"));
        Assert.Equal("ok", await Integrity.OfFileAsync(Db));
    }

    /// <summary>An article long enough to need pages of its own (overflow pages), so it cannot slip into free space.</summary>
    private static string LongReport()
    {
        var text = new StringBuilder(NewsText.Shelling);
        for (var i = 1; i <= 60; i++)
        {
            text.Append("\n\nVolunteers in district ").Append(i).Append(" handed out blankets, bread and bottled water, and teachers kept lessons going by telephone for the children who stayed behind.");
        }

        return text.ToString();
    }

    private static int CountOf(string text, string what) =>
        (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private Task<long> CountAsync(string sql) => DbProbe.ScalarAsync(Db, sql);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
