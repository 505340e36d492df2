using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Api.Requests;
using Watchbot.Telegram.Tests.Support;

namespace Watchbot.Telegram.Tests;

public sealed class TelegramBotClientTests : IAsyncLifetime
{
    private FakeBotApiServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private TelegramBotClient Client(ListLogger<TelegramBotClient>? logger = null, string? token = null) =>
        new(Support.Telegram.Options(fake, o => o.Token = token ?? fake.Token), logger);

    [Fact]
    public async Task GetMe_unwraps_the_envelope_into_the_bot_user()
    {
        using var client = Client();

        var me = await client.GetMeAsync(CancellationToken.None);

        Assert.Equal(fake.BotUsername, me.Username);
        Assert.True(me.IsBot);
        Assert.Equal("getMe", Assert.Single(fake.Calls).Method);
    }

    [Fact]
    public async Task SendMessage_posts_snake_case_json_with_a_64_bit_chat_id()
    {
        using var client = Client();

        var sent = await client.SendMessageAsync(new SendMessageRequest(-1001234567890, "<b>hi</b>", LinkPreviewOptions: new(true)), CancellationToken.None);

        var call = Assert.Single(fake.CallsOf("sendMessage"));
        Assert.Equal(-1001234567890, call.ChatId);
        Assert.Equal("HTML", call.Body["parse_mode"]!.GetValue<string>());
        Assert.True(call.Body["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        Assert.Null(call.Body["reply_markup"]);
        Assert.True(sent.MessageId > 0);
    }

    [Fact]
    public async Task A_429_becomes_a_flood_error_with_retry_after()
    {
        using var client = Client();
        fake.FailNext(42, FakeFailure.Flood(7));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(new SendMessageRequest(42, "x"), CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Flood, ex.Error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.Error.RetryAfter);
    }

    [Fact]
    public async Task A_migrated_group_error_carries_the_supergroup_id()
    {
        using var client = Client();
        fake.FailNext(-4242, new FakeFailure.Migrated(-1009876543210));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(new SendMessageRequest(-4242, "x"), CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Migrated, ex.Error.Kind);
        Assert.Equal(-1009876543210, ex.Error.MigrateToChatId);
    }

    [Fact]
    public async Task A_502_html_page_is_a_server_error()
    {
        using var client = Client();
        fake.FailNext(42, new FakeFailure.BadGateway());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(new SendMessageRequest(42, "x"), CancellationToken.None));

        Assert.Equal(BotApiErrorKind.ServerError, ex.Error.Kind);
        Assert.Equal(502, ex.Error.ErrorCode);
    }

    [Fact]
    public async Task A_hanging_server_is_a_timeout_not_a_hang()
    {
        using var client = Client();
        fake.FailNext(42, new FakeFailure.Hang());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(new SendMessageRequest(42, "x"), CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Timeout, ex.Error.Kind);
    }

    [Fact]
    public async Task A_refused_token_never_appears_in_the_exception_or_the_log()
    {
        const string wrong = "555555555:AAWrongTokenWrongTokenWrongTokenWrong1";
        var log = new ListLogger<TelegramBotClient>();
        using var client = Client(log, wrong);

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Unauthorized, ex.Error.Kind);
        Assert.DoesNotContain(wrong, ex.ToString());
        Assert.DoesNotContain(wrong, log.All);
    }

    [Fact]
    public async Task A_connection_failure_does_not_leak_the_token()
    {
        var options = Support.Telegram.Options(fake, o => o.ApiBaseUrl = "http://127.0.0.1:1");
        using var client = new TelegramBotClient(options);

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.Contains(ex.Error.Kind, new[] { BotApiErrorKind.Network, BotApiErrorKind.Timeout });
        Assert.DoesNotContain(fake.Token, ex.ToString());
        Assert.Null(ex.InnerException);
    }

    /// <summary>Whatever the HTTP stack throws, and whatever its message says, only a redacted TelegramApiException leaves.</summary>
    [Fact]
    public async Task An_unexpected_failure_in_the_http_stack_leaves_redacted()
    {
        var options = Support.Telegram.Options(fake);
        using var client = new TelegramBotClient(options, handler: new Throwing());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Network, ex.Error.Kind);
        Assert.DoesNotContain(fake.Token, ex.ToString());
        Assert.DoesNotContain(fake.Token[(fake.Token.IndexOf(':', StringComparison.Ordinal) + 1)..], ex.ToString());
        Assert.Null(ex.InnerException);
    }

    private sealed class Throwing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"cannot send {request.RequestUri}");
    }

    [Fact]
    public async Task GetUpdates_returns_queued_updates_from_the_offset()
    {
        using var client = Client();
        var first = fake.EnqueueText(7, 7, "/start");
        var second = fake.EnqueueText(7, 7, "/help");

        var all = await client.GetUpdatesAsync(null, 0, CancellationToken.None);
        var rest = await client.GetUpdatesAsync(first + 1, 0, CancellationToken.None);

        Assert.Equal([first, second], all.Select(u => u.UpdateId));
        Assert.Equal("/help", Assert.Single(rest).Message!.Text);
        Assert.Equal("private", rest[0].Message!.Chat.Type);
    }

    [Fact]
    public async Task Webhook_methods_round_trip()
    {
        using var client = Client();

        await client.SetWebhookAsync("https://bot.example.org/telegram", "s3cret", CancellationToken.None);
        var set = await client.GetWebhookInfoAsync(CancellationToken.None);
        await client.DeleteWebhookAsync(CancellationToken.None);
        var cleared = await client.GetWebhookInfoAsync(CancellationToken.None);

        Assert.Equal("https://bot.example.org/telegram", set.Url);
        Assert.Equal("", cleared.Url);
        Assert.Equal("s3cret", fake.CallsOf("setWebhook")[0].Body["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_member_status_tells_admins_from_members()
    {
        using var client = Client();
        fake.SetMemberStatus(-100500, 1, "creator");
        fake.SetMemberStatus(-100500, 2, "administrator");

        Assert.True((await client.GetChatMemberAsync(-100500, 1, CancellationToken.None)).IsAdmin);
        Assert.True((await client.GetChatMemberAsync(-100500, 2, CancellationToken.None)).IsAdmin);
        Assert.False((await client.GetChatMemberAsync(-100500, 3, CancellationToken.None)).IsAdmin);
        Assert.Equal(2, (await client.GetChatAdministratorsAsync(-100500, CancellationToken.None)).Length);
    }
}
