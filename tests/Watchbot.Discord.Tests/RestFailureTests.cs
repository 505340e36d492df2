using System.Diagnostics;
using System.Net;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

/// <summary>How the REST client meets the failures that matter on the real Discord: global pauses, Cloudflare bans,
/// expired interaction tokens, revoked bot tokens, and repeated 5xx.</summary>
public sealed class RestFailureTests : IAsyncLifetime
{
    private FakeDiscord fake = null!;
    private readonly ListLogger<DiscordRestClient> log = new();
    private readonly DiscordTransportState state = new();

    public async Task InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private DiscordRestClient Rest(Action<DiscordOptions>? change = null)
    {
        var options = Fixture.Options(fake);
        change?.Invoke(options);
        return new DiscordRestClient(Watchbot.Fakes.TestHttp.Client(), options, TimeProvider.System, log, state);
    }

    private static CreateMessageRequest Post(string channel, string text = "hello") => new(channel, new MessageBody(text, null, AllowedMentions.None));

    private async Task<string> StartInteractionAsync()
    {
        var interaction = fake.NewCommand("status");
        await fake.DispatchAsync("INTERACTION_CREATE", interaction);
        return (string)interaction["id"]!;
    }

    [Fact]
    public async Task An_interaction_callback_does_not_wait_out_a_global_rate_limit_pause()
    {
        var rest = Rest();
        fake.RateLimitNext(1, retryAfterSeconds: 2.5, global: true);
        var paused = rest.SendAsync(Post("700000000000000101"), CancellationToken.None);
        Assert.True(await fake.WaitUntilAsync(() => fake.TooManyRequests == 1));
        var id = await StartInteractionAsync();

        var clock = Stopwatch.StartNew();
        await rest.SendAsync(new CreateInteractionResponseRequest(id, "token-" + id,
            new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource)), CancellationToken.None);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"the defer took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Single(fake.Interactions[id].Callbacks);
        await paused;
    }

    [Fact]
    public async Task A_429_from_Cloudflare_stops_every_call_for_minutes_and_is_logged_once()
    {
        fake.CloudflareBanAfter = 3;
        fake.ChannelErrors["700000000000000102"] = 50001;
        var rest = Rest();
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(Post("700000000000000102"), CancellationToken.None));
        }

        var blocked = await Assert.ThrowsAsync<DiscordTransientException>(() => rest.SendAsync(Post("700000000000000103"), CancellationToken.None));
        var again = await Assert.ThrowsAsync<DiscordTransientException>(() => rest.SendAsync(Post("700000000000000104"), CancellationToken.None));

        Assert.Equal(1, fake.EdgeBlocks);
        Assert.True(blocked.RetryAfter >= TimeSpan.FromMinutes(14), blocked.RetryAfter.ToString());
        Assert.True(again.RetryAfter >= TimeSpan.FromMinutes(14), again.RetryAfter.ToString());
        Assert.Contains("Cloudflare", again.Message, StringComparison.Ordinal);
        Assert.Single(log.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("Cloudflare", StringComparison.Ordinal));
        Assert.Equal(4, rest.InvalidRequests.Count);
    }

    [Fact]
    public async Task A_429_on_a_shared_resource_is_waited_out_but_not_counted_as_an_invalid_request()
    {
        var rest = Rest();
        fake.RateLimitNext(2, retryAfterSeconds: 0.05, shared: true);

        await rest.SendAsync(Post("700000000000000108"), CancellationToken.None);

        Assert.Equal(2, fake.TooManyRequests);
        Assert.Equal(0, rest.InvalidRequests.Count);
        Assert.Equal(0, fake.InvalidRequests);
    }

    [Fact]
    public async Task An_expired_interaction_token_ends_that_interaction_only()
    {
        fake.InteractionTokenLifetime = TimeSpan.FromMilliseconds(100);
        var rest = Rest();
        var id = await StartInteractionAsync();
        await Task.Delay(300);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(
            new EditOriginalResponseRequest(fake.ApplicationId, "token-" + id, new MessageBody("late", null, AllowedMentions.None)), CancellationToken.None));
        await rest.SendAsync(Post("700000000000000105"), CancellationToken.None);

        Assert.Equal((HttpStatusCode.Unauthorized, DiscordErrorCode.InvalidWebhookToken), (error.Status, error.ErrorCode));
        Assert.False(state.IsStopped);
        Assert.DoesNotContain("token is wrong", log.All, StringComparison.Ordinal);
        Assert.Single(fake.MessagesTo("700000000000000105"));
    }

    [Fact]
    public async Task A_bot_token_revoked_while_sending_stops_the_transport_and_no_further_call_is_made()
    {
        var rest = Rest();
        var sender = new DiscordSender(rest, new DmChannelCache(rest), state, new ListLogger<DiscordSender>());
        fake.RevokeToken();

        var first = await sender.SendAsync(new ChatAddress("discord", "700000000000000106"), OutgoingMessage.Reply("a"), CancellationToken.None);
        var second = await rest.SendAsync(new GetGatewayBotRequest(), CancellationToken.None).ContinueWith(t => t.Exception?.InnerException);

        Assert.IsType<DeliveryResult.Retry>(first);
        Assert.True(state.IsStopped);
        Assert.Contains("token", state.StoppedReason, StringComparison.Ordinal);
        Assert.IsType<DiscordTransientException>(second);
        Assert.Single(fake.Requests);
        Assert.Single(log.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retries_of_a_5xx_wait_longer_each_time()
    {
        var rest = Rest(o => o.RetryBase = TimeSpan.FromMilliseconds(100));
        fake.FailNext(3);

        await rest.SendAsync(Post("700000000000000107"), CancellationToken.None);

        var at = fake.Requests.Select(r => r.At).ToList();
        Assert.Equal(4, at.Count);
        // Ceilings of 100, 200 and 400 ms, each delay in the upper half of its ceiling.
        Assert.True(at[2] - at[1] >= TimeSpan.FromMilliseconds(95), $"second wait {(at[2] - at[1]).TotalMilliseconds} ms");
        Assert.True(at[3] - at[2] >= TimeSpan.FromMilliseconds(195), $"third wait {(at[3] - at[2]).TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(1, 0.0, 1000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(10, 0.0, 15000)]
    [InlineData(10, 1.0, 30000)]
    public void The_retry_delay_doubles_from_its_base_up_to_its_cap_with_jitter_in_the_upper_half(int failures, double random, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), JitteredBackoff.Delay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), failures, random));
    }
}
