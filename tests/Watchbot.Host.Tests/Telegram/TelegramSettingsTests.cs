using Microsoft.Extensions.Configuration;
using Watchbot.Host.Configuration;
using Watchbot.Host.Platforms;
using Watchbot.Telegram;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Telegram;

/// <summary>The Telegram settings as the host reads them: secrets only from the environment, problems named
/// without ever repeating a secret.</summary>
public sealed class TelegramSettingsTests : IDisposable
{
    private const string Token = "987654321:AAsettingsTestToken_0123456789abcdef";
    private readonly TempFolder temp = new();

    private IConfiguration Configuration(string json, Dictionary<string, string?> environment)
    {
        var file = temp.File("appsettings.json");
        File.WriteAllText(file, json);
        return new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(environment).Build();
    }

    [Fact]
    public void Webhook_settings_from_the_environment_are_read()
    {
        var configuration = Configuration("{}", new()
        {
            ["Watchbot:Telegram:Token"] = Token,
            ["Watchbot:Telegram:Mode"] = "webhook",
            ["Watchbot:Telegram:WebhookUrl"] = "https://bot.example.org/telegram",
            ["Watchbot:Telegram:WebhookSecret"] = "from_the_environment",
            ["Watchbot:Telegram:WebhookListenUrl"] = "http://127.0.0.1:0",
        });

        var options = PlatformRegistration.Of<TelegramOptions>().Load(configuration);

        Assert.Equal(TelegramMode.Webhook, options.Mode);
        Assert.Equal("from_the_environment", options.WebhookSecret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces")]
    [InlineData("ünïcode")]
    public void Webhook_mode_without_a_usable_secret_is_refused(string? secret)
    {
        var configuration = Configuration("{}", new()
        {
            ["Watchbot:Telegram:Token"] = Token,
            ["Watchbot:Telegram:Mode"] = "webhook",
            ["Watchbot:Telegram:WebhookUrl"] = "https://bot.example.org/telegram",
            ["Watchbot:Telegram:WebhookSecret"] = secret,
        });

        var error = Assert.Throws<OptionsError>(() => PlatformRegistration.Of<TelegramOptions>().Load(configuration));

        Assert.Contains("Watchbot:Telegram:WebhookSecret", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    public void Dispose() => temp.Dispose();
}
