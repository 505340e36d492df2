using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Support;
using Watchbot.Host.Tests.Telegram;

namespace Watchbot.Host.Tests.Platforms;

/// <summary>Telegram for the shared suites: the fake Bot API, long polling, people in private chats and a supergroup.
/// Its failures: 401, 409, 429, 403 (blocked), 400 chat not found, 502 and a request that never returns.</summary>
public sealed class TelegramCase : PlatformCase
{
    private const long Alice = 1001, Bob = 1002, Carol = 1003, Dave = 1004, Erin = 1005;
    private const long Group = -1001234567890, GroupAdmin = 5, GroupMember = 6;
    private const string Distinctive = "8642097531:AAHsecretDISTINCTIVE_token-Qx7Zk2Lm9Pw4Rt";
    private long nextMessageId = 990_000;

    private TelegramCase(FakeBotApiServer fake) => Fake = fake;

    public FakeBotApiServer Fake { get; }

    protected override string Section => "Telegram";

    public override string Token => Distinctive;

    public override string RefusedToken => "1357924680:AAHanotherDISTINCTIVE_token-Vb3Nm8Kj1Hg6";

    public override string TraceCategory => "dbug: Watchbot.Telegram.Api.BotApi";

    public static async Task<TelegramCase> StartAsync() => new(await FakeBotApiServer.StartAsync(Distinctive));

    /// <summary>After the colon: the bot's secret, without its public id.</summary>
    public override string SecretPart(string token) => token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public override Dictionary<string, string?> Settings() => TelegramBot.Settings(Fake);

    // A request that never returns must be given up on quickly.
    protected override void ForSecrecy(Dictionary<string, string?> settings) => settings["Watchbot:Telegram:RequestTimeout"] = "00:00:02";

    public override void ArrangeEveryFailure()
    {
        Fake.FailNextCalls("getMe", new FakeFailure.Unauthorized());
        Fake.FailNextCalls("setMyCommands", FakeFailure.Flood(1));
        Fake.FailNextCalls("getUpdates", new FakeFailure.Conflict(), new FakeFailure.Pass(), new FakeFailure.BadGateway(), new FakeFailure.Pass(), new FakeFailure.Hang());
        Fake.FailNext(Alice, FakeFailure.Flood(1));
        Fake.FailAlways(Bob, new FakeFailure.Blocked());
        Fake.FailAlways(Carol, new FakeFailure.ChatNotFound());
        Fake.FailNext(Dave, new FakeFailure.BadGateway(), new FakeFailure.Hang());
        Fake.FailNext(Erin, new FakeFailure.Unauthorized());
        foreach (var person in new[] { Alice, Bob, Carol, Dave, Erin })
        {
            Fake.EnqueueText(person, person, "/subscribe karabakh");
        }

        Fake.EnqueueText(Alice, Alice, "/status");
        Fake.EnqueueText(Alice, Alice, "/subscriptions");
    }

    public override async Task<bool> WalkThroughEveryFailureAsync(WatchbotProcess bot, string db)
    {
        var done = await Fake.WaitUntilAsync(
            f => Recapped(Alice) && Recapped(Dave) && Recapped(Erin)
                && f.SentTo(Alice).Any(m => m.Text.Contains("Messages waiting", StringComparison.Ordinal))
                && f.SentTo(Alice).Any(m => m.Text.Contains("personal", StringComparison.Ordinal))
                && f.CallsOf("getUpdates").Count >= 8,
            Patience);
        // Bob blocked the bot and Carol's chat is gone: both subscriptions are switched off.
        return done && await DbProbe.EventuallyAsync(async () => await DbProbe.ScalarAsync(db, "SELECT COUNT(*) FROM subscriptions WHERE active = 0") == 2);
    }

    private bool Recapped(long chat) => Fake.SentTo(chat).Any(m => m.Text.Contains("Shelling of Stepanakert", StringComparison.Ordinal));

    public override IReadOnlyList<string> FailureReports =>
        ["refused the bot token (401", "409", "429", "blocked by the user", "chat not found", "502", "no answer within"];

    public override void ArrangeRefusal() => Fake.EnqueueText(Alice, Alice, "/subscribe karabakh");

    /// <summary>Telegram keeps being asked (getMe again after a pause), and each refusal is reported.</summary>
    public override async Task<bool> RefusalReportedAsync(WatchbotProcess bot)
    {
        var reported = false;
        for (var i = 0; i < 600 && !reported; i++)
        {
            reported = WatchbotProcess.Count(bot.Error, "refused the bot token") >= 2 && Fake.Calls.Count(c => c.Method == "getMe") >= 2;
            await Task.Delay(100);
        }

        return reported;
    }

    public override void AssertNothingWentOutWithARefusedToken(string error) => Assert.Empty(Fake.Sent);

    public override IEnumerable<(string Where, string Text)> WhatThePlatformSaw() =>
        [("requests to Telegram", Calls())];

    private string Calls() => string.Join("\n", Fake.Calls.Select(c => c.Method + " " + c.Body.ToJsonString()));

    public override Task<bool> ConnectedAsync() => Task.FromResult(true);

    public override Task<PlatformMessage> AskAsync(string command, string argument) => AskInAsync(Alice, Alice, "private", $"/{command} {argument}");

    public override Task SayAsync(string command, string argument)
    {
        Fake.EnqueueText(Alice, Alice, $"/{command} {argument}");
        return Task.CompletedTask;
    }

    public override void LoseTheChat() => Fake.FailAlways(Alice, new FakeFailure.Blocked());

    public override void RateLimitTheNextMessage() => Fake.FailNext(Alice, FakeFailure.Flood(1));

    public override int RateLimitsAnswered => Fake.TooManyRequestsAnswered;

    public override IReadOnlyList<string> DeliveredTexts() => Fake.SentTo(Alice).Select(m => m.Text).ToList();

    public override Task<PlatformMessage> AskInGroupAsync(string command, string argument, bool byAdmin)
    {
        Fake.SetMemberStatus(Group, GroupAdmin, "administrator");
        Fake.SetMemberStatus(Group, GroupMember, "member");
        return AskInAsync(Group, byAdmin ? GroupAdmin : GroupMember, "supergroup", $"/{command} {argument}");
    }

    /// <summary>The answer is the message sent in reply to the command's own message.</summary>
    private async Task<PlatformMessage> AskInAsync(long chat, long user, string chatType, string text)
    {
        var messageId = Interlocked.Increment(ref nextMessageId);
        Fake.EnqueueText(chat, user, text, chatType, messageId);
        bool IsAnswer(FakeSentMessage m) => m.Body["reply_parameters"]?["message_id"]?.GetValue<long>() == messageId;
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(chat).Any(IsAnswer), Patience), $"'{text}' in chat {chat} was not answered. Calls:\n{Calls()}");
        var answer = Fake.SentTo(chat).First(IsAnswer);
        return new PlatformMessage(answer.Text, answer.Body);
    }

    public override Task<IReadOnlyList<Subscription>> SubscriptionsAsync() => SubscriptionsOfAsync("1001", "1001");

    public override Task<IReadOnlyList<Subscription>> GroupSubscriptionsAsync() => SubscriptionsOfAsync("-1001234567890", null);

    public override async Task<PlatformMessage> DeliveredAsync(string text)
    {
        bool Holds(FakeSentMessage m) => m.Text.Contains(text, StringComparison.Ordinal);
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Any(Holds), Patience), $"No message with '{text}' reached chat {Alice}. Calls:\n{Calls()}");
        var message = Assert.Single(Fake.SentTo(Alice), Holds);
        return new PlatformMessage(message.Text, message.Body);
    }

    public override IReadOnlyList<string> RegisteredCommands() =>
        Fake.CallsOf("setMyCommands").SelectMany(c => c.Body["commands"]!.AsArray()).Select(c => (string)c!["command"]!).Distinct().ToList();

    /// <summary>A reply threads under the command and carries the digest buttons; administrators get their own command list.</summary>
    public override void AssertSubscribeAnswerIsNative(PlatformMessage answer)
    {
        Assert.NotNull(answer.Payload["reply_parameters"]);
        Assert.Equal("w1:/digest karabakh now", answer.Payload["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Contains(Fake.CallsOf("setMyCommands"), c => c.Body["scope"]!["type"]!.GetValue<string>() == "all_chat_administrators");
    }

    /// <summary>Escaped HTML Telegram accepts, the source as a link, and no link preview.</summary>
    public override void AssertDigestIsSafe(PlatformMessage digest)
    {
        var html = Assert.Single(Fake.SentTo(Alice), m => m.Body == digest.Payload).Html;
        Assert.Contains("&lt;residential&gt; streets &amp; markets", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/report\">", html, StringComparison.Ordinal);
        Assert.Null(FakeHtml.Parse(html).Error);
        Assert.True(digest.Payload["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
    }

    protected override ValueTask DisposeFakeAsync() => Fake.DisposeAsync();
}
