using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

public sealed class SenderTests : IAsyncLifetime
{
    private FakeDiscord fake = null!;
    private readonly ListLogger<DiscordRestClient> restLog = new();
    private readonly ListLogger<DiscordSender> senderLog = new();
    private DiscordSender sender = null!;
    private DiscordTransportState state = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        var rest = Fixture.Rest(Fixture.Options(fake), restLog);
        state = new DiscordTransportState();
        sender = new DiscordSender(rest, new DmChannelCache(rest), state, senderLog);
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private Task<DeliveryResult> SendAsync(string chat, string text = "hello") =>
        sender.SendAsync(new ChatAddress("discord", chat), OutgoingMessage.Reply(text), CancellationToken.None);

    [Fact]
    public async Task A_message_is_posted_with_the_bot_token_and_user_agent_and_no_mentions()
    {
        var result = await SendAsync("700000000000000001", "@everyone hello");

        Assert.IsType<DeliveryResult.Delivered>(result);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("Bot " + fake.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
        Assert.Empty(request.Body!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Theory]
    [InlineData(50001)]
    [InlineData(10003)]
    public async Task A_channel_the_bot_lost_is_reported_gone(int code)
    {
        fake.ChannelErrors["700000000000000002"] = code;

        var result = await SendAsync("700000000000000002");

        var gone = Assert.IsType<DeliveryResult.ChatGone>(result);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), gone.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_chat_is_delivered_by_DM_opened_once()
    {
        await SendAsync("user:500000000000000009", "one");
        await SendAsync("user:500000000000000009", "two");

        Assert.Single(fake.Requests, r => r.Path == "users/@me/channels");
        Assert.Equal(2, fake.MessagesTo(fake.DmChannelOf("500000000000000009")).Count);
    }

    [Fact]
    public async Task A_user_who_takes_no_DMs_is_reported_gone()
    {
        fake.ChannelErrors[fake.DmChannelOf("500000000000000010")] = 50007;

        Assert.IsType<DeliveryResult.ChatGone>(await SendAsync("user:500000000000000010"));
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_message_still_arrives()
    {
        fake.RateLimitNext(2, retryAfterSeconds: 0.05);

        Assert.IsType<DeliveryResult.Delivered>(await SendAsync("700000000000000003"));
        Assert.Single(fake.MessagesTo("700000000000000003"));
        Assert.Equal(2, fake.TooManyRequests);
    }

    [Fact]
    public async Task A_5xx_is_retried_and_one_that_persists_becomes_a_retry_later()
    {
        fake.FailNext(1);
        Assert.IsType<DeliveryResult.Delivered>(await SendAsync("700000000000000004"));

        fake.FailNext(10);
        Assert.IsType<DeliveryResult.Retry>(await SendAsync("700000000000000004"));
    }

    [Fact]
    public async Task A_chat_id_that_is_no_snowflake_fails_without_a_call()
    {
        Assert.IsType<DeliveryResult.Failed>(await SendAsync("general"));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_stopped_transport_sends_nothing_and_asks_to_retry_later()
    {
        state.Stop("bad token");

        Assert.IsType<DeliveryResult.Retry>(await SendAsync("700000000000000005"));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Messages_to_one_channel_never_exceed_its_rate_limit()
    {
        fake.ChannelLimit = 2;
        fake.ChannelWindow = TimeSpan.FromMilliseconds(300);

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<DeliveryResult.Delivered>(await SendAsync("700000000000000006", $"m{i}"));
        }

        Assert.Equal(0, fake.TooManyRequests);
        Assert.Equal(5, fake.MessagesTo("700000000000000006").Count);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_logs()
    {
        fake.ChannelErrors["700000000000000007"] = 50001;
        fake.RateLimitNext(1, 0.01, global: true);
        await SendAsync("700000000000000007");
        fake.FailNext(10);
        await SendAsync("700000000000000008");
        var bad = new DiscordRestClient(Watchbot.Fakes.TestHttp.Client(),
            new DiscordOptions { Token = "wrong-" + fake.Token, ApplicationId = fake.ApplicationId, ApiBaseUrl = fake.ApiBaseUrl, MaxAttempts = 1 },
            TimeProvider.System, restLog);
        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => bad.SendAsync(new Rest.Requests.GetGatewayBotRequest(), CancellationToken.None));

        Assert.NotEmpty(restLog.Lines);
        Assert.DoesNotContain(fake.Token, restLog.All + senderLog.All + refused.Message, StringComparison.Ordinal);
    }
}
