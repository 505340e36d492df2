using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Host.Composition;
using Watchbot.Host.Topics;
using Watchbot.Storage;

namespace Watchbot.Host.Tests.Support;

/// <summary>The real host as `watchbot run` builds it, on a fresh or existing database: migrated, its topics seeded, and
/// started, with the given settings in place of the environment.</summary>
public static class RunningHost
{
    public static async Task<IHost> StartAsync(string db, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var host = WatchbotHostFactory.Build(db, HostMode.Run, settings);
        await host.Services.GetRequiredService<SqliteStore>().MigrateAsync(CancellationToken.None);
        await host.Services.GetRequiredService<TopicSeeder>().SeedAsync(CancellationToken.None);
        await host.StartAsync();
        return host;
    }
}
