using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Receiving;
using Watchbot.Telegram.Sending;
using Watchbot.Telegram.Tests.Support;

namespace Watchbot.Telegram.Tests;

/// <summary>The Telegram.Bot client as <see cref="BotApi"/> runs it, against the fake Bot API at the HTTP level.</summary>
public sealed class BotApiTests : IAsyncLifetime
{
    private FakeBotApiServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private BotApi Api(ListLogger<BotApi>? logger = null, string? token = null) =>
        Support.Telegram.Api(Support.Telegram.Options(fake, o => o.Token = token ?? fake.Token), logger);

    private static Task<Message> SendAsync(BotApi api, long chatId, string html) =>
        api.CallAsync("sendMessage", (bot, ct) => bot.SendRequest(TelegramSender.Html(chatId, html, TelegramSender.NoPreview), ct), CancellationToken.None);

    [Fact]
    public async Task GetMe_returns_the_bot_user()
    {
        var me = await Api().CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None);

        Assert.Equal(fake.BotUsername, me.Username);
        Assert.True(me.IsBot);
        Assert.Equal("getMe", Assert.Single(fake.Calls).Method);
    }

    [Fact]
    public async Task SendMessage_posts_snake_case_json_with_a_64_bit_chat_id()
    {
        var sent = await SendAsync(Api(), -1001234567890, "<b>hi</b>");

        var call = Assert.Single(fake.CallsOf("sendMessage"));
        Assert.Equal(-1001234567890, call.ChatId);
        Assert.Equal("HTML", call.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.True(call.Body["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        Assert.Null(call.Body["reply_markup"]);
        Assert.True(sent.Id > 0);
    }

    [Fact]
    public async Task A_429_comes_back_at_once_as_a_flood_error_with_retry_after_and_is_not_retried_by_the_library()
    {
        var api = Api();
        fake.FailNext(42, FakeFailure.Flood(7));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api, 42, "x"));

        Assert.Equal(BotApiErrorKind.Flood, ex.Error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.Error.RetryAfter);
        Assert.Single(fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task A_migrated_group_error_carries_the_supergroup_id()
    {
        var api = Api();
        fake.FailNext(-4242, new FakeFailure.Migrated(-1009876543210));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api, -4242, "x"));

        Assert.Equal(BotApiErrorKind.Migrated, ex.Error.Kind);
        Assert.Equal(-1009876543210, ex.Error.MigrateToChatId);
    }

    [Fact]
    public async Task A_blocked_chat_is_a_chat_gone_error()
    {
        var api = Api();
        fake.FailNext(42, new FakeFailure.Blocked());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api, 42, "x"));

        Assert.Equal(BotApiErrorKind.Blocked, ex.Error.Kind);
        Assert.True(ex.Error.IsChatGone);
        Assert.Equal(403, ex.Error.ErrorCode);
    }

    [Fact]
    public async Task A_502_html_page_is_a_server_error()
    {
        var api = Api();
        fake.FailNext(42, new FakeFailure.BadGateway());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api, 42, "x"));

        Assert.Equal(BotApiErrorKind.ServerError, ex.Error.Kind);
        Assert.Equal(502, ex.Error.ErrorCode);
    }

    [Fact]
    public async Task A_hanging_server_is_a_timeout_not_a_hang()
    {
        var api = Api();
        fake.FailNext(42, new FakeFailure.Hang());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api, 42, "x"));

        Assert.Equal(BotApiErrorKind.Timeout, ex.Error.Kind);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        var api = Api();
        fake.FailNext(42, new FakeFailure.Hang());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            api.CallAsync("sendMessage", (bot, ct) => bot.SendRequest(TelegramSender.Html(42, "x", null), ct), cancel.Token));
    }

    [Fact]
    public async Task A_refused_token_never_appears_in_the_exception_or_the_log()
    {
        const string wrong = "555555555:AAWrongTokenWrongTokenWrongTokenWrong1";
        var log = new ListLogger<BotApi>();
        var api = Api(log, wrong);

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Unauthorized, ex.Error.Kind);
        Assert.DoesNotContain(wrong, ex.ToString());
        Assert.DoesNotContain(wrong, log.All);
    }

    [Fact]
    public async Task A_connection_failure_does_not_leak_the_token()
    {
        var options = Support.Telegram.Options(fake, o => o.ApiBaseUrl = "http://127.0.0.1:1");
        var api = Support.Telegram.Api(options);

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None));

        Assert.Contains(ex.Error.Kind, new[] { BotApiErrorKind.Network, BotApiErrorKind.Timeout });
        Assert.DoesNotContain(fake.Token, ex.ToString());
        Assert.Null(ex.InnerException);
    }

    /// <summary>Whatever the HTTP stack throws, and whatever its message says, only a redacted TelegramApiException leaves.</summary>
    [Fact]
    public async Task An_unexpected_failure_in_the_http_stack_leaves_redacted()
    {
        var options = Support.Telegram.Options(fake);
        var api = Support.Telegram.Api(options, handler: new Throwing());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None));

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
        var api = Api();
        var first = fake.EnqueueText(7, 7, "/start");
        var second = fake.EnqueueText(7, 7, "/help");

        var all = await api.CallAsync("getUpdates", (bot, ct) => bot.GetUpdates(null, 100, 0, UpdateHandler.Wanted, ct), CancellationToken.None);
        var rest = await api.CallAsync("getUpdates", (bot, ct) => bot.GetUpdates((int)first + 1, 100, 0, UpdateHandler.Wanted, ct), CancellationToken.None);

        Assert.Equal([first, second], all.Select(u => (long)u.Id));
        Assert.Equal("/help", Assert.Single(rest).Message!.Text);
        Assert.Equal(ChatType.Private, rest[0].Message!.Chat.Type);
        Assert.Equal(["message", "callback_query", "my_chat_member"], fake.CallsOf("getUpdates")[0].Body["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Webhook_methods_round_trip()
    {
        var api = Api();

        await api.CallAsync("setWebhook", async (bot, ct) =>
        {
            await bot.SetWebhook("https://bot.example.org/telegram", secretToken: "s3cret", cancellationToken: ct);
            return true;
        }, CancellationToken.None);
        var set = await api.CallAsync("getWebhookInfo", (bot, ct) => bot.GetWebhookInfo(ct), CancellationToken.None);
        await api.CallAsync("deleteWebhook", async (bot, ct) =>
        {
            await bot.DeleteWebhook(cancellationToken: ct);
            return true;
        }, CancellationToken.None);
        var cleared = await api.CallAsync("getWebhookInfo", (bot, ct) => bot.GetWebhookInfo(ct), CancellationToken.None);

        Assert.Equal("https://bot.example.org/telegram", set.Url);
        Assert.Equal("", cleared.Url);
        Assert.Equal("s3cret", fake.CallsOf("setWebhook")[0].Body["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_member_status_tells_admins_from_members()
    {
        var api = Api();
        fake.SetMemberStatus(-100500, 1, "creator");
        fake.SetMemberStatus(-100500, 2, "administrator");

        Task<ChatMember> Member(long user) => api.CallAsync("getChatMember", (bot, ct) => bot.GetChatMember(-100500, user, ct), CancellationToken.None);

        Assert.True((await Member(1)).IsAdmin);
        Assert.True((await Member(2)).IsAdmin);
        Assert.False((await Member(3)).IsAdmin);
    }
}
