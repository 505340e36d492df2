using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Receiving;
using Watchbot.Telegram.Sending;
using Watchbot.Telegram.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Telegram.Tests;

/// <summary>The Telegram.Bot client as <see cref="BotApi"/> runs it, against the fake Bot API at the HTTP level.</summary>
public sealed class BotApiTests : IAsyncLifetime
{
    private FakeBotApiServer Fake { get; set; } = null!;

    public async Task InitializeAsync() => Fake = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await Fake.DisposeAsync();

    private BotApi Api(ListLogger<BotApi>? logger = null, string? token = null) =>
        Support.Telegram.Api(Support.Telegram.Options(Fake, o => o.Token = token ?? Fake.Token), logger);

    private static Task<Message> SendAsync(BotApi api, long chatId, string html) =>
        api.CallAsync("sendMessage", (bot, ct) => bot.SendRequest(TelegramSender.Html(chatId, html, TelegramSender.NoPreview), ct), CancellationToken.None);

    [Fact]
    public async Task GetMe_returns_the_bot_user()
    {
        var me = await Api().CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None);

        Assert.Equal(Fake.BotUsername, me.Username);
        Assert.True(me.IsBot);
        Assert.Equal("getMe", Assert.Single(Fake.Calls).Method);
    }

    [Fact]
    public async Task SendMessage_posts_snake_case_json_with_a_64_bit_chat_id()
    {
        var sent = await SendAsync(Api(), -1001234567890, "<b>hi</b>");

        var call = Assert.Single(Fake.CallsOf("sendMessage"));
        Assert.Equal(-1001234567890, call.ChatId);
        Assert.Equal("HTML", call.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.True(call.Body["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        Assert.Null(call.Body["reply_markup"]);
        Assert.True(sent.Id > 0);
    }

    public static TheoryData<string, BotApiErrorKind, int> Failures => new()
    {
        { "flood", BotApiErrorKind.Flood, 429 },
        { "migrated", BotApiErrorKind.Migrated, 400 },
        { "blocked", BotApiErrorKind.Blocked, 403 },
        { "kicked", BotApiErrorKind.Kicked, 403 },
        { "chat not found", BotApiErrorKind.ChatNotFound, 400 },
        { "502 page", BotApiErrorKind.ServerError, 502 },
        { "hang", BotApiErrorKind.Timeout, 0 },
    };

    private static FakeFailure Failure(string name) => name switch
    {
        "flood" => FakeFailure.Flood(7),
        "migrated" => new FakeFailure.Migrated(-1009876543210),
        "blocked" => new FakeFailure.Blocked(),
        "kicked" => new FakeFailure.Kicked(),
        "chat not found" => new FakeFailure.ChatNotFound(),
        "502 page" => new FakeFailure.BadGateway(),
        _ => new FakeFailure.Hang(),
    };

    /// <summary>Each answer becomes its kind at once, in one call: the library retries nothing (RetryThreshold 0), and a
    /// server that hangs is a timeout, not a hang.</summary>
    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_failure_comes_back_at_once_as_its_kind(string failure, BotApiErrorKind kind, int code)
    {
        var api = Api();
        Fake.FailNext(-4242, Failure(failure));

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api, -4242, "x"));

        Assert.Equal((kind, code), (ex.Error.Kind, ex.Error.ErrorCode));
        Assert.Equal(kind == BotApiErrorKind.Flood ? TimeSpan.FromSeconds(7) : (TimeSpan?)null, ex.Error.RetryAfter);
        Assert.Equal(kind == BotApiErrorKind.Migrated ? -1009876543210 : (long?)null, ex.Error.MigrateToChatId);
        Assert.Equal(kind is BotApiErrorKind.Blocked or BotApiErrorKind.Kicked or BotApiErrorKind.ChatNotFound, ex.Error.IsChatGone);
        Assert.Single(Fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        var api = Api();
        Fake.FailNext(42, new FakeFailure.Hang());
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
        var options = Support.Telegram.Options(Fake, o => o.ApiBaseUrl = "http://127.0.0.1:1");
        var api = Support.Telegram.Api(options);

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None));

        Assert.Contains(ex.Error.Kind, new[] { BotApiErrorKind.Network, BotApiErrorKind.Timeout });
        Assert.DoesNotContain(Fake.Token, ex.ToString());
        Assert.Null(ex.InnerException);
    }

    /// <summary>Whatever the HTTP stack throws, and whatever its message says, only a redacted TelegramApiException leaves.</summary>
    [Fact]
    public async Task An_unexpected_failure_in_the_http_stack_leaves_redacted()
    {
        var options = Support.Telegram.Options(Fake);
        var api = Support.Telegram.Api(options, handler: new Throwing());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None));

        Assert.Equal(BotApiErrorKind.Network, ex.Error.Kind);
        Assert.DoesNotContain(Fake.Token, ex.ToString());
        Assert.DoesNotContain(Fake.Token[(Fake.Token.IndexOf(':', StringComparison.Ordinal) + 1)..], ex.ToString());
        Assert.Null(ex.InnerException);
    }

    private sealed class Throwing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"cannot send {request.RequestUri}");
    }

    /// <summary>A captive portal or a misrouted proxy answering 200 with a page: not a result, and not retried as a network failure.</summary>
    [Fact]
    public async Task A_200_answer_that_is_not_bot_api_json_is_an_other_error()
    {
        var api = Support.Telegram.Api(Support.Telegram.Options(Fake), handler: new Page());

        var ex = await Assert.ThrowsAsync<TelegramApiException>(() => api.CallAsync("getMe", (bot, ct) => bot.GetMe(ct), CancellationToken.None));

        Assert.Equal((BotApiErrorKind.Other, 200), (ex.Error.Kind, ex.Error.ErrorCode));
        Assert.False(ex.Error.IsTransient);
    }

    private sealed class Page : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("<html><body>Sign in to the Wi-Fi</body></html>") });
    }

    [Fact]
    public async Task GetUpdates_returns_queued_updates_from_the_offset()
    {
        var api = Api();
        var first = Fake.EnqueueText(7, 7, "/start");
        var second = Fake.EnqueueText(7, 7, "/help");

        var all = await api.CallAsync("getUpdates", (bot, ct) => bot.GetUpdates(null, 100, 0, UpdateHandler.Wanted, ct), CancellationToken.None);
        var rest = await api.CallAsync("getUpdates", (bot, ct) => bot.GetUpdates((int)first + 1, 100, 0, UpdateHandler.Wanted, ct), CancellationToken.None);

        Assert.Equal([first, second], all.Select(u => (long)u.Id));
        Assert.Equal("/help", Assert.Single(rest).Message!.Text);
        Assert.Equal(ChatType.Private, rest[0].Message!.Chat.Type);
        Assert.Equal(["message", "callback_query", "my_chat_member"], Fake.CallsOf("getUpdates")[0].Body["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>()));
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
        Assert.Equal("s3cret", Fake.CallsOf("setWebhook")[0].Body["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_member_status_tells_admins_from_members()
    {
        var api = Api();
        Fake.SetMemberStatus(-100500, 1, "creator");
        Fake.SetMemberStatus(-100500, 2, "administrator");

        Task<ChatMember> Member(long user) => api.CallAsync("getChatMember", (bot, ct) => bot.GetChatMember(-100500, user, ct), CancellationToken.None);

        Assert.True((await Member(1)).IsAdmin);
        Assert.True((await Member(2)).IsAdmin);
        Assert.False((await Member(3)).IsAdmin);
    }
}
