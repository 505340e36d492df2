namespace Watchbot.Telegram.Tests;

public sealed class OptionsTests
{
    private const string Token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    [Fact]
    public void Defaults_with_a_token_are_valid() =>
        Assert.Empty(TelegramOptionsValidator.Problems(new TelegramOptions { Token = Token }));

    [Fact]
    public void A_missing_token_names_the_environment_variable() =>
        Assert.Contains("Watchbot__Telegram__Token", Assert.Single(TelegramOptionsValidator.Problems(new TelegramOptions())));

    [Fact]
    public void A_malformed_token_is_refused_without_being_repeated()
    {
        var problem = Assert.Single(TelegramOptionsValidator.Problems(new TelegramOptions { Token = "not-a-token-secret-value" }));

        Assert.DoesNotContain("not-a-token-secret-value", problem);
    }

    [Fact]
    public void Webhook_mode_needs_an_address_and_a_secret()
    {
        var problems = TelegramOptionsValidator.Problems(new TelegramOptions { Token = Token, Mode = TelegramMode.Webhook });

        Assert.Contains(problems, p => p.Contains("WebhookUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("WebhookSecret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://api.telegram.org")]
    [InlineData("api.telegram.org")]
    public void The_api_address_must_be_http(string url) =>
        Assert.Contains("ApiBaseUrl", Assert.Single(TelegramOptionsValidator.Problems(new TelegramOptions { Token = Token, ApiBaseUrl = url })));

    [Theory]
    [InlineData("http://127.0.0.1:8081/telegram")]
    [InlineData("https://api.telegram.org/bot")]
    public void An_api_address_with_a_path_is_refused_because_the_library_would_drop_it(string url) =>
        Assert.Contains("scheme, host and port", Assert.Single(TelegramOptionsValidator.Problems(new TelegramOptions { Token = Token, ApiBaseUrl = url })));

    [Theory]
    [InlineData("api.telegram.org/bot" + Token)]
    [InlineData("ftp://api.telegram.org/bot" + Token)]
    [InlineData("https://api.telegram.org/bot" + Token)]
    public void A_token_pasted_into_the_api_address_is_not_repeated(string url)
    {
        var problem = Assert.Single(TelegramOptionsValidator.Problems(new TelegramOptions { Token = Token, ApiBaseUrl = url }));

        Assert.DoesNotContain(Token, problem);
        Assert.DoesNotContain(Token[(Token.IndexOf(':', StringComparison.Ordinal) + 1)..], problem);
    }

    [Fact]
    public void A_token_pasted_into_the_listen_address_is_not_repeated()
    {
        var problems = TelegramOptionsValidator.Problems(new TelegramOptions
        {
            Token = Token, Mode = TelegramMode.Webhook, WebhookUrl = "https://bot.example.org/t", WebhookSecret = "s", WebhookListenUrl = "0.0.0.0:8443/" + Token,
        });

        Assert.All(problems, p => Assert.DoesNotContain(Token, p));
        Assert.Contains(problems, p => p.Contains("WebhookListenUrl", StringComparison.Ordinal));
    }
}
