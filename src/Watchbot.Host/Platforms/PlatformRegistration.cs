using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Watchbot.Host.Platforms;

/// <summary>Adds the chat platforms whose tokens are set. Each platform registers itself in its own file.</summary>
public static class PlatformRegistration
{
    /// <summary>True when any platform other than the console is configured (then `run` starts no console chat).</summary>
    public static bool AnyConfigured(IConfiguration configuration) =>
        TelegramPlatform.IsConfigured(configuration) || DiscordPlatform.IsConfigured(configuration);

    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        TelegramPlatform.Add(services, configuration);
        DiscordPlatform.Add(services, configuration);
        return services;
    }
}
