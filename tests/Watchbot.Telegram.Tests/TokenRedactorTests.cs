using Watchbot.Telegram.Api;

namespace Watchbot.Telegram.Tests;

public sealed class TokenRedactorTests
{
    private const string Token = "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    [Theory]
    [InlineData("POST https://api.telegram.org/bot987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed")]
    [InlineData("987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("token=987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw; again 987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("GET /bot987654321%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe")]
    [InlineData("the part after the colon: AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    public void The_token_never_survives_redaction(string text)
    {
        var redacted = TokenRedactor.Redact(text, Token);

        Assert.DoesNotContain(Token, redacted);
        Assert.DoesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", redacted);
        Assert.Contains(TokenRedactor.Mask, redacted);
    }

    [Fact]
    public void A_token_shaped_string_is_redacted_even_when_it_is_not_ours() =>
        Assert.Equal("bot<token>/getMe", TokenRedactor.Redact("bot111111:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/getMe", Token));

    [Fact]
    public void Text_without_a_token_is_left_alone() =>
        Assert.Equal("chat 12345 at 10:30 was fine", TokenRedactor.Redact("chat 12345 at 10:30 was fine", Token));
}
