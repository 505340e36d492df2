using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Watchbot.Host.Configuration;

namespace Watchbot.Host.Platforms;

/// <summary>A chat platform as the host wires it, whatever the platform.</summary>
public interface IPlatformModule
{
    /// <summary>The settings section, such as "Watchbot:Telegram".</summary>
    string Section { get; }

    /// <summary>True when the platform's token is set: then it runs.</summary>
    bool IsConfigured(IConfiguration configuration);

    /// <summary>Adds the platform's services when it is configured; a settings problem stops the program with an <see cref="OptionsError"/>.</summary>
    void Add(IServiceCollection services, IConfiguration configuration);
}

/// <summary>
/// The platform-neutral part of wiring a transport: its options are bound from <paramref name="section"/>, its secrets
/// are taken from the environment only (never from a settings file, which may be committed), the transport's own
/// <see cref="IValidateOptions{TOptions}"/> runs, and every problem stops the program with sentences that never repeat a
/// secret. The options are also registered the standard way (bound, with the same validator, checked on start).
/// </summary>
/// <param name="secrets">The settings that are secrets; the first is the token, whose presence turns the platform on.</param>
public sealed class PlatformModule<TOptions>(
    string section,
    IReadOnlyList<string> secrets,
    IValidateOptions<TOptions> validator,
    Action<IServiceCollection, TOptions> add) : IPlatformModule
    where TOptions : class, new()
{
    public string Section => section;

    public bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[$"{section}:{secrets[0]}"]);

    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
        {
            var options = Load(configuration);
            services.AddSingleton(validator);
            services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
            add(services, options);
        }
    }

    /// <summary>Binds and validates the options.</summary>
    public TOptions Load(IConfiguration configuration)
    {
        foreach (var name in secrets)
        {
            var key = $"{section}:{name}";
            if (configuration is IConfigurationRoot root && root.Providers.OfType<JsonConfigurationProvider>().Any(p => p.TryGet(key, out var v) && !string.IsNullOrEmpty(v)))
            {
                throw new OptionsError($"{key} is written in a settings file; remove it from there and set the environment variable {EnvironmentName(key)} instead, so the secret is never committed.");
            }
        }

        var options = new TOptions();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message quotes the value, which may be a secret pasted into the wrong setting: only the setting is named.
            var setting = ex.Message.Split('\'') is [_, var key, ..] ? $" ({key})" : "";
            throw new OptionsError($"A setting under {section} has a value of the wrong type{setting}: modes are words, times are hh:mm:ss, rates and ids are numbers; fix it in appsettings.json or the environment.");
        }

        if (validator.Validate(null, options) is { Failed: true } result)
        {
            throw new OptionsError(string.Join(Environment.NewLine, result.Failures));
        }

        return options;
    }

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
