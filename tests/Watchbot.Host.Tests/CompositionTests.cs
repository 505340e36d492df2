using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Watchbot.Host.Composition;
using Watchbot.Host.Configuration;
using Watchbot.Fakes;
using Watchbot.Telegram.Api;

namespace Watchbot.Host.Tests;

/// <summary>One home for each job of wiring: HTTP clients come from one factory with its defaults, and settings are
/// registered and checked the one standard way.</summary>
public sealed class CompositionTests
{
    private static readonly Dictionary<string, string?> WithTelegram = new()
    {
        ["Watchbot:Telegram:Token"] = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
        ["Watchbot:Web:Enabled"] = "false",
    };

    [Fact]
    public void Every_http_client_comes_from_the_factory_with_the_programs_defaults()
    {
        using var temp = new TempFolder();
        using var host = WatchbotHostFactory.Build(temp.File("w.db"), HostMode.Run, WithTelegram);
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();

        foreach (var name in new[] { BotApi.HttpClientName, Watchbot.Discord.Rest.DiscordRestClient.HttpClientName, "ArticleFetcher" })
        {
            using var client = factory.CreateClient(name);
            Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
            Assert.Equal(HttpRegistration.UserAgent, client.DefaultRequestHeaders.UserAgent.ToString());
        }
    }

    [Fact]
    public void Settings_are_registered_with_their_validators_and_read_back_as_bound()
    {
        using var temp = new TempFolder();
        using var host = WatchbotHostFactory.Build(temp.File("w.db"), HostMode.Run, WithTelegram);

        Assert.IsType<WatchbotOptionsValidator>(host.Services.GetRequiredService<IValidateOptions<WatchbotOptions>>());
        Assert.IsType<Watchbot.Telegram.TelegramOptionsValidator>(host.Services.GetRequiredService<IValidateOptions<Watchbot.Telegram.TelegramOptions>>());
        Assert.Equal(WithTelegram["Watchbot:Telegram:Token"], host.Services.GetRequiredService<IOptions<Watchbot.Telegram.TelegramOptions>>().Value.Token);
        Assert.False(host.Services.GetRequiredService<IOptions<WatchbotOptions>>().Value.Web.Enabled);
    }

    [Fact]
    public void A_setting_that_fails_its_validator_is_refused_by_the_options_system_with_the_same_sentence()
    {
        var problems = new WatchbotOptionsValidator().Validate(null, new WatchbotOptions { Digest = { MaxEvents = 0 } });

        Assert.True(problems.Failed);
        Assert.Equal(["Watchbot:Digest:MaxEvents must be between 1 and 10000."], problems.Failures);
    }
}
