using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Host.Composition;
using Watchbot.Host.Configuration;
using Watchbot.Host.Topics;
using Watchbot.Storage;

namespace Watchbot.Host.Cli;

/// <summary>What every verb does around its work: build the host, refuse a damaged database (quick_check, at most 5 s), migrate, seed topics, and turn the
/// failures a person can fix into one clear sentence and exit code 2.</summary>
public static class Verb
{
    public const int Ok = 0;
    public const int Usage = 2;

    public static async Task<int> WithHostAsync(string? db, HostMode mode, Func<IHost, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var host = WatchbotHostFactory.Build(db, mode);
            var store = host.Services.GetRequiredService<SqliteStore>();
            await IntegrityCheck.RequireSoundAsync(store.Path, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            await host.Services.GetRequiredService<SqliteStore>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            await host.Services.GetRequiredService<TopicSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
            return await work(host, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsError ex)
        {
            return await FailAsync(ex.Message).ConfigureAwait(false);
        }
        catch (StorageException ex)
        {
            return await FailAsync(ex.Message).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            return await FailAsync($"The database could not be used ({ex.Message.TrimEnd('.')}); check --db or Watchbot:Storage:Path, and that no other program holds the file.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
    }

    public static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
        return Usage;
    }
}
