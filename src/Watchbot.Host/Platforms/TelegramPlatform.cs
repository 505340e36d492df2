using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Watchbot.Host.Configuration;
using Watchbot.Telegram;

namespace Watchbot.Host.Platforms;

/// <summary>Wires the Telegram transport into the bot when Watchbot:Telegram:Token is set (from the environment only).</summary>
public static class TelegramPlatform
{
    public const string TokenKey = TelegramOptions.Section + ":Token";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[TokenKey]);

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
        {
            services.AddTelegram(Load(configuration));
        }
    }

    /// <summary>Binds and validates the options; a problem stops the program with one sentence that never holds the token.</summary>
    public static TelegramOptions Load(IConfiguration configuration)
    {
        foreach (var name in new[] { "Token", "WebhookSecret" })
        {
            var key = $"{TelegramOptions.Section}:{name}";
            if (configuration is IConfigurationRoot root && root.Providers.OfType<JsonConfigurationProvider>().Any(p => p.TryGet(key, out var v) && !string.IsNullOrEmpty(v)))
            {
                throw new OptionsError($"{key} is written in a settings file; remove it from there and set the environment variable Watchbot__Telegram__{name} instead, so the secret is never committed.");
            }
        }

        var options = new TelegramOptions();
        try
        {
            configuration.GetSection(TelegramOptions.Section).Bind(options);
        }
        catch (InvalidOperationException)
        {
            throw new OptionsError("A setting under Watchbot:Telegram has a value of the wrong type (Mode is polling or webhook, times are hh:mm:ss, rates are numbers); fix it in appsettings.json or the environment.");
        }

        var problems = TelegramOptionsValidator.Validate(options);
        if (problems.Count > 0)
        {
            throw new OptionsError(string.Join(Environment.NewLine, problems));
        }

        return options;
    }
}
