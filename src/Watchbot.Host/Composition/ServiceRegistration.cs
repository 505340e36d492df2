using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Alerts;
using Watchbot.Core.Commands;
using Watchbot.Core.Commands.Admin;
using Watchbot.Core.Commands.Handlers;
using EventHandler = Watchbot.Core.Commands.Handlers.EventHandler;
using Watchbot.Core.Delivery;
using Watchbot.Core.Digests;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Configuration;
using Watchbot.Extraction;
using Watchbot.Host.ConsoleChat;
using Watchbot.Host.Ingest;
using Watchbot.Host.Topics;
using Watchbot.Storage;
using Charts = Watchbot.Charts;

namespace Watchbot.Host.Composition;

/// <summary>Wires the store, the Core services, the command handlers and the console transport.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddWatchbot(this IServiceCollection services, WatchbotOptions options, string databasePath)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddWatchbotHttp();

        var store = new SqliteStore(new SqliteDatabase(databasePath)
        {
            MaxSizeBytes = options.Storage.MaxSizeMb > 0 ? options.Storage.MaxSizeMb * 1024L * 1024L : null,
        });
        services.AddSingleton(store);
        services.AddSingleton<IEventStore>(store.Events);
        services.AddSingleton<ISubscriptionStore>(store.Subscriptions);
        services.AddSingleton<IOutboxStore>(store.Outbox);
        services.AddSingleton<ICursorStore>(store.Cursors);
        services.AddSingleton<Heartbeat>();
        services.AddSingleton<Jobs.StoreSpace>();
        services.AddSingleton<IAuditLog>(store.Audit);
        services.AddSingleton<ITopicStore>(store.Topics);
        services.AddSingleton<IRoleStore>(store.Roles);
        services.AddSingleton<IArticleStore>(store.Articles);
        services.AddSingleton<IFetchLog>(store.FetchLog);
        services.AddSingleton<IChatSettingsStore>(store.ChatSettings);

        services.AddSingleton(DigestSettingsOf(options));
        services.AddSingleton(new DeliverySettings { MaxAttempts = options.Delivery.MaxAttempts, Parallelism = options.Delivery.Parallelism });
        services.AddSingleton(new AccessPolicy(options.Owners.ToHashSet(StringComparer.OrdinalIgnoreCase)));
        if (options.Digest.Charts)
        {
            // Beside the database: data/charts/ on the defaults. The retention job deletes files older than KeepSentDays.
            var charts = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath)) ?? ".", "charts");
            services.AddSingleton(sp => new Charts.ScottPlotChartRenderer(charts, sp.GetRequiredService<ILogger<Charts.ScottPlotChartRenderer>>()));
            services.AddSingleton<IChartRenderer>(sp => sp.GetRequiredService<Charts.ScottPlotChartRenderer>());
        }

        services.AddSingleton<DigestService>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton(sp => new ChatLifecycle(store.Subscriptions, store.Outbox, sp.GetRequiredService<ILogger<ChatLifecycle>>()));
        services.AddSingleton<TopicSeeder>();
        services.AddIngest(options);

        services.AddWebLinks(options.Web);
        services.AddCommandHandlers();
        services.AddSingleton(new CommandRateLimiter(options.Commands.Burst, options.Commands.RefillEvery));
        services.AddSingleton<CommandRouter>();

        services.AddSingleton<ConsoleTransport>();
        services.AddSingleton<IChatTransport>(sp => sp.GetRequiredService<ConsoleTransport>());
        return services;
    }

    private static IServiceCollection AddIngest(this IServiceCollection services, WatchbotOptions options)
    {
        services.AddSingleton(options.Ingest);
        services.AddSingleton(new Lazy<Extractor>(() => ExtractorLoader.Load(options.Ingest)));
        services.AddHttpClient(nameof(ArticleFetcher));
        services.AddSingleton(sp => new ArticleFetcher(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ArticleFetcher)), options.Ingest));
        services.AddSingleton<SourceReader>();
        services.AddSingleton<IngestService>();
        return services;
    }

    private static IServiceCollection AddCommandHandlers(this IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, StartHandler>();
        services.AddSingleton<ICommandHandler, HelpHandler>();
        services.AddSingleton<ICommandHandler, TopicsHandler>();
        services.AddSingleton<ICommandHandler, SubscribeHandler>();
        services.AddSingleton<ICommandHandler, UnsubscribeHandler>();
        services.AddSingleton<ICommandHandler, ResumeHandler>();
        services.AddSingleton<ICommandHandler, SubscriptionsHandler>();
        services.AddSingleton<ICommandHandler, DigestHandler>();
        services.AddSingleton<ICommandHandler, FilterHandler>();
        services.AddSingleton<ICommandHandler, AlertsHandler>();
        services.AddSingleton<ICommandHandler, QuietHandler>();
        services.AddSingleton<ICommandHandler, SnoozeHandler>();
        services.AddSingleton<ICommandHandler, LatestHandler>();
        services.AddSingleton<ICommandHandler, EventHandler>();
        services.AddSingleton<ICommandHandler, StatusHandler>();
        services.AddSingleton<ICommandHandler, ExportHandler>();
        services.AddSingleton<ICommandHandler, ImportHandler>();
        services.AddSingleton<ICommandHandler, AdminHandler>();
        services.AddSingleton<IAdminAction, TopicAction>();
        services.AddSingleton<IAdminAction, ReviewAction>();
        services.AddSingleton<IAdminAction, ApproveAction>();
        services.AddSingleton<IAdminAction, RejectAction>();
        services.AddSingleton<IAdminAction, EditAction>();
        services.AddSingleton<IAdminAction, MergeAction>();
        services.AddSingleton<IAdminAction, EventAddAction>();
        services.AddSingleton<IAdminAction, GrantAction>();
        services.AddSingleton<IAdminAction, RevokeAction>();
        services.AddSingleton<IAdminAction, AuditAction>();
        services.AddSingleton<IAdminAction, WebSignInAction>();
        return services;
    }

    public static DigestSettings DigestSettingsOf(WatchbotOptions options) => new()
    {
        SendEmpty = options.Digest.SendEmpty,
        FirstDigestLookback = options.Digest.FirstDigestLookback,
        MaxEvents = options.Digest.MaxEvents,
        RecapOnSubscribe = options.Digest.RecapOnSubscribe,
        BatchSize = options.Digest.BatchSize,
        DefaultSchedule = new DigestSchedule(
            true,
            TimeOnly.ParseExact(options.Digest.DefaultTime, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture),
            options.Digest.DefaultTimeZone),
    };
}
