using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Discord;

namespace Watchbot.Host.Platforms;

/// <summary>Wires the Discord transport into the bot when Watchbot:Discord:Token is set: options bound from
/// Watchbot:Discord and validated, the token and application id taken only from the environment.</summary>
public static class DiscordPlatform
{
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["Watchbot:Discord:Token"]);

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return;
        }

        services.AddDiscordTransport(Load(configuration));
    }

    public static DiscordOptions Load(IConfiguration configuration)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var key in new[] { "Token", "ApplicationId" })
            {
                if (root.Providers.Any(p => p is JsonConfigurationProvider && p.TryGet($"{DiscordOptions.Section}:{key}", out var v) && !string.IsNullOrEmpty(v)))
                {
                    throw new Configuration.OptionsError($"Watchbot:Discord:{key} is in appsettings.json, where secrets do not belong; remove it there and set the environment variable Watchbot__Discord__{key} instead.");
                }
            }
        }

        var options = new DiscordOptions();
        try
        {
            configuration.GetSection(DiscordOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new Configuration.OptionsError($"A setting under Watchbot:Discord has a value of the wrong type ({ex.InnerException?.Message ?? ex.Message}); fix it in appsettings.json or the environment.");
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new Configuration.OptionsError(string.Join(Environment.NewLine, problems));
        }

        return options;
    }
}
