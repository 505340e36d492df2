using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Sending;
using Watchbot.Telegram.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Telegram.Tests;

public sealed class SenderTests : IAsyncLifetime
{
    private FakeBotApiServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private static ChatAddress Chat(long id) => new("telegram", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly OutgoingMessage Digest = new(MessageKind.Digest, "Karabakh digest",
        [new MessageSection("Escalations", [new MessageItem("Shelling of Terter & Barda", [new MessageLink("AP", "https://example.org/a")])])]);

    [Fact]
    public async Task A_digest_is_sent_as_html_without_link_previews()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));

        var result = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        var delivered = Assert.IsType<DeliveryResult.Delivered>(result);
        var sent = Assert.Single(fake.SentTo(42));
        Assert.Equal(sent.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), delivered.PlatformMessageId);
        Assert.Contains("<b>Karabakh digest</b>", sent.Html);
        Assert.Contains("Terter &amp; Barda", sent.Html);
        Assert.True(sent.Body["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_short_429_is_waited_out_and_the_message_delivered()
    {
        var log = new ListLogger<TelegramSender>();
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake), log);
        fake.FailNext(42, FakeFailure.Flood(1));

        var result = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(2, fake.CallsOf("sendMessage").Count);
        Assert.Contains("429", log.All);
    }

    [Fact]
    public async Task A_long_429_hands_the_message_back_with_retry_after()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailNext(42, FakeFailure.Flood(60));

        var result = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<DeliveryResult.Retry>(result).After);
        Assert.Single(fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task After_a_long_429_the_chat_is_not_called_until_the_pause_ends()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailNext(42, FakeFailure.Flood(60));
        await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        var again = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);
        var other = await sender.SendAsync(Chat(43), Digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.Retry>(again);
        Assert.IsType<DeliveryResult.Delivered>(other);
        Assert.Single(fake.CallsOf("sendMessage"), c => c.ChatId == 42);
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("kicked")]
    [InlineData("not found")]
    public async Task A_chat_that_is_gone_is_reported_gone_and_not_retried(string how)
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailAlways(42, how switch
        {
            "blocked" => new FakeFailure.Blocked(),
            "kicked" => new FakeFailure.Kicked(),
            _ => new FakeFailure.ChatNotFound(),
        });

        var result = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.ChatGone>(result);
        Assert.Single(fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task A_migrated_group_reports_its_new_supergroup_id()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailNext(-4242, new FakeFailure.Migrated(-1001234567890));

        var result = await sender.SendAsync(Chat(-4242), Digest, CancellationToken.None);

        Assert.Equal("-1001234567890", Assert.IsType<DeliveryResult.ChatMoved>(result).NewChatId);
    }

    [Fact]
    public async Task A_502_is_retried_with_back_off_and_then_succeeds()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailNext(42, new FakeFailure.BadGateway());

        var result = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(2, fake.CallsOf("sendMessage").Count);
    }

    [Fact]
    public async Task Repeated_502s_hand_the_message_back_for_later()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailAlways(42, new FakeFailure.BadGateway());

        var result = await sender.SendAsync(Chat(42), Digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.Retry>(result);
        Assert.Equal(3, fake.CallsOf("sendMessage").Count);
    }

    [Fact]
    public async Task Another_bad_request_fails_without_retrying()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));

        var result = await sender.SendAsync(new ChatAddress("telegram", "not-a-number"), Digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Empty(fake.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task A_hanging_chat_times_out_into_a_retry_and_never_holds_up_another_chat()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailNext(42, new FakeFailure.Hang());

        var hanging = sender.SendAsync(Chat(42), Digest, CancellationToken.None);
        var other = await sender.SendAsync(Chat(43), Digest, CancellationToken.None);
        var stillHanging = !hanging.IsCompleted;
        var timedOut = await hanging;

        Assert.IsType<DeliveryResult.Delivered>(other);
        Assert.True(stillHanging);
        Assert.IsType<DeliveryResult.Retry>(timedOut);
    }

    [Fact]
    public async Task A_split_digest_resumes_after_the_parts_already_delivered()
    {
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        var items = Enumerable.Range(1, 200).Select(i => MessageItem.Plain($"Item {i:000} {new string('x', 60)}")).ToList();
        var big = new OutgoingMessage(MessageKind.Digest, "Big digest", [new MessageSection("Escalations", items)]);
        fake.FailNext(42, new FakeFailure.Pass(), new FakeFailure.BadGateway(), new FakeFailure.BadGateway(), new FakeFailure.BadGateway());
        var firstTry = await sender.SendAsync(Chat(42), big, CancellationToken.None);
        Assert.IsType<DeliveryResult.Retry>(firstTry);

        var secondTry = await sender.SendAsync(Chat(42), big, CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(secondTry);
        var texts = fake.SentTo(42).Select(m => m.Text).ToList();
        Assert.True(texts.Count > 1);
        Assert.Equal(1, texts.Count(t => t.Contains("Item 001", StringComparison.Ordinal)));
        Assert.Equal(1, texts.Count(t => t.Contains("Item 200", StringComparison.Ordinal)));
    }
}
