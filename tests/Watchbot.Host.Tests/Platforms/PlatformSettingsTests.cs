using Microsoft.Extensions.Configuration;
using Watchbot.Host.Configuration;
using Watchbot.Host.Platforms;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Platforms;

/// <summary>The promise every platform keeps about its settings: secrets come from the environment only, and a secret
/// written in a settings file stops the program with a sentence that names the environment variable and never repeats
/// a secret. One suite for every module of <see cref="PlatformRegistration"/>.</summary>
public sealed class PlatformSettingsTests : IDisposable
{
    private const string TelegramToken = "987654321:AAsettingsTestToken_0123456789abcdef";
    private const string DiscordToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEtTn.settings_TEST_token_0123456789";

    /// <summary>Per platform section: an environment that makes it valid, and the secret values it holds.</summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> Valid = new()
    {
        ["Watchbot:Telegram"] = new()
        {
            ["Watchbot:Telegram:Token"] = TelegramToken,
            ["Watchbot:Telegram:Mode"] = "webhook",
            ["Watchbot:Telegram:WebhookUrl"] = "https://bot.example.org/t",
            ["Watchbot:Telegram:WebhookSecret"] = "committed_secret_123",
        },
        ["Watchbot:Discord"] = new()
        {
            ["Watchbot:Discord:Token"] = DiscordToken,
            ["Watchbot:Discord:ApplicationId"] = "900000000000000001",
        },
    };

    private readonly TempFolder temp = new();

    public static TheoryData<string, string> EverySecretOfEveryPlatform()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in PlatformRegistration.All)
        {
            foreach (var secret in module.Secrets)
            {
                data.Add(module.Section, secret);
            }
        }

        return data;
    }

    [Fact]
    public void Every_platform_has_a_valid_environment_in_this_suite() =>
        Assert.Equal(PlatformRegistration.All.Select(p => p.Section).Order(), Valid.Keys.Order());

    [Theory]
    [MemberData(nameof(EverySecretOfEveryPlatform))]
    public void A_secret_written_in_a_settings_file_stops_the_program_without_repeating_it(string section, string secret)
    {
        var environment = Valid[section];
        var key = $"{section}:{secret}";
        var file = temp.File("appsettings.json");
        var parts = section.Split(':');
        var json = new System.Text.Json.Nodes.JsonObject { [parts[0]] = new System.Text.Json.Nodes.JsonObject { [parts[1]] = new System.Text.Json.Nodes.JsonObject { [secret] = environment[key] } } };
        File.WriteAllText(file, json.ToJsonString());
        var configuration = new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(environment).Build();
        var module = PlatformRegistration.All.Single(p => p.Section == section);

        var error = Assert.Throws<OptionsError>(() => module.Add(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), configuration));

        Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.All(environment.Where(e => PlatformRegistration.All.Any(p => p.Secrets.Any(s => e.Key == $"{p.Section}:{s}"))),
            e => Assert.DoesNotContain(e.Value!, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EverySecretOfEveryPlatform))]
    public void Secrets_from_the_environment_are_read_and_turn_the_platform_on(string section, string secret)
    {
        var environment = Valid[section];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment).Build();
        var module = PlatformRegistration.All.Single(p => p.Section == section);
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        module.Add(services, configuration);

        // The options the transport was given hold the secret as the environment gave it.
        Assert.True(module.IsConfigured(configuration));
        var given = services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance)
            .Select(o => o?.GetType().GetProperty(secret)?.GetValue(o) as string)
            .OfType<string>();
        Assert.Contains(environment[$"{section}:{secret}"], given);
    }

    public void Dispose() => temp.Dispose();
}
