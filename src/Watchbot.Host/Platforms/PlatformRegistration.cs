using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Discord;
using Watchbot.Telegram;

namespace Watchbot.Host.Platforms;

/// <summary>The chat platforms. A new transport is its own project (an <see cref="Core.Delivery.IChatTransport"/>, a
/// receiver that hands <see cref="Core.Commands.IncomingCommand"/>s to the router, and an options class) plus one line here.</summary>
public static class PlatformRegistration
{
    public static IReadOnlyList<IPlatformModule> All { get; } =
    [
        new PlatformModule<TelegramOptions>(TelegramOptions.Section, ["Token", "WebhookSecret"], new TelegramOptionsValidator(), (s, o) => s.AddTelegram(o)),
        new PlatformModule<DiscordOptions>(DiscordOptions.Section, ["Token", "ApplicationId"], new DiscordOptionsValidator(), (s, o) => s.AddDiscordTransport(o)),
    ];

    /// <summary>The module of the platform whose options are <typeparamref name="TOptions"/>.</summary>
    public static PlatformModule<TOptions> Of<TOptions>() where TOptions : class, new() => All.OfType<PlatformModule<TOptions>>().Single();

    /// <summary>True when any platform other than the console is configured (then `run` starts no console chat).</summary>
    public static bool AnyConfigured(IConfiguration configuration) => All.Any(p => p.IsConfigured(configuration));

    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var platform in All)
        {
            platform.Add(services, configuration);
        }

        return services;
    }
}
