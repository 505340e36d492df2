using Microsoft.Extensions.Configuration;
using Watchbot.Host.Configuration;
using Watchbot.Discord;
using Watchbot.Host.Platforms;

namespace Watchbot.Host.Tests.Discord;

/// <summary>The Discord token and application id come from the environment only, and a problem never repeats them.</summary>
public sealed class DiscordSettingsTests : IDisposable
{
    private const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEtTn.settings_TEST_token_0123456789";
    private readonly TempFolder temp = new();

    private IConfiguration Configuration(string json, Dictionary<string, string?> environment)
    {
        var file = temp.File("appsettings.json");
        File.WriteAllText(file, json);
        return new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(environment).Build();
    }

    [Theory]
    [InlineData("Token", "{\"Watchbot\":{\"Discord\":{\"Token\":\"" + Token + "\"}}}")]
    [InlineData("ApplicationId", "{\"Watchbot\":{\"Discord\":{\"ApplicationId\":\"900000000000000001\"}}}")]
    public void A_token_or_application_id_in_a_settings_file_stops_the_program_without_repeating_it(string name, string json)
    {
        var configuration = Configuration(json, new() { ["Watchbot:Discord:Token"] = Token, ["Watchbot:Discord:ApplicationId"] = "900000000000000001" });

        var error = Assert.Throws<OptionsError>(() => PlatformRegistration.Of<DiscordOptions>().Load(configuration));

        Assert.Contains($"Watchbot__Discord__{name}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_and_application_id_from_the_environment_are_read()
    {
        var options = PlatformRegistration.Of<DiscordOptions>().Load(Configuration("{}", new() { ["Watchbot:Discord:Token"] = Token, ["Watchbot:Discord:ApplicationId"] = "900000000000000001" }));

        Assert.Equal((Token, "900000000000000001"), (options.Token, options.ApplicationId));
    }

    public void Dispose() => temp.Dispose();
}
