using Microsoft.Data.Sqlite;
using Watchbot.Host.Tests.Support;
using Xunit.Abstractions;

namespace Watchbot.Host.Tests.Platforms;

/// <summary>
/// A bot token is in every request a platform client makes, so every error path is a chance to print it. For every
/// platform, these tests run the real program against its fake with a distinctive token and every log level on, walk
/// it through each failure the platform has (see each <see cref="PlatformCase"/>), and then look for the token, and its
/// secret part alone, in everything the program left behind: its standard output and error, everything the fake
/// received or answered, and the bytes of the SQLite database and its WAL. A token the platform refuses is reported in a
/// sentence that names the environment variable, and is never shown either.
/// </summary>
public sealed class PlatformTokenSecrecyTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("secrecy.db");

    public static TheoryData<string> Platforms => PlatformCase.All;

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task The_token_appears_nowhere_after_every_kind_of_failure_the_platform_has(string platform)
    {
        await using var fake = await PlatformCase.StartAsync(platform);
        await PlatformCase.SeedAsync(Db);
        fake.ArrangeEveryFailure();

        string output, error;
        using (var bot = WatchbotProcess.Start(["run", "--db", Db], fake.Environment(fake.Token)))
        {
            var done = await fake.WalkThroughEveryFailureAsync(bot, Db);
            bot.Kill();
            (output, error) = (bot.Output, bot.Error);
            log.WriteLine(error.Length > 20_000 ? error[^20_000..] : error);
            Assert.True(done, $"the run did not get through every failure. What the platform saw:\n{string.Join("\n", fake.WhatThePlatformSaw().Select(p => p.Text))}");
        }

        // Every failure was met and reported.
        Assert.All(fake.FailureReports, report => Assert.Contains(report, error, StringComparison.Ordinal));
        fake.AssertEveryFailureHappened();

        AssertNowhere(fake, fake.Token, output, error);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_token_the_platform_refuses_is_reported_in_a_sentence_naming_its_variable_but_never_shown(string platform)
    {
        await using var fake = await PlatformCase.StartAsync(platform);
        await PlatformCase.SeedAsync(Db);
        fake.ArrangeRefusal();

        string output, error;
        using (var bot = WatchbotProcess.Start(["run", "--db", Db], fake.Environment(fake.RefusedToken)))
        {
            var reported = await fake.RefusalReportedAsync(bot);
            bot.Kill();
            (output, error) = (bot.Output, bot.Error);
            Assert.True(reported, error);
        }

        Assert.Contains(fake.TokenVariable, error, StringComparison.Ordinal);
        fake.AssertNothingWentOutWithARefusedToken(error);
        AssertNowhere(fake, fake.RefusedToken, output, error);
    }

    /// <summary>The token, or its secret part alone, is in none of what the program left.</summary>
    private void AssertNowhere(PlatformCase fake, string token, string output, string error)
    {
        var places = SecretSearch.Places(Db, [("standard output", output), ("standard error", error), .. fake.WhatThePlatformSaw()]);

        // The search really read the database's write-ahead log, and the log really had its quiet levels on.
        Assert.Contains(places, p => p.Where.EndsWith("-wal", StringComparison.Ordinal) && p.Bytes.Length > 0);
        Assert.Contains(fake.TraceCategory, error, StringComparison.Ordinal);
        SecretSearch.AssertNowhere(places, token, fake.SecretPart(token));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
