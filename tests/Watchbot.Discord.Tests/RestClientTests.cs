using System.Net;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;
using Watchbot.Fakes.Discord;

namespace Watchbot.Discord.Tests;

public sealed class RestClientTests : IAsyncLifetime
{
    private FakeDiscord fake = null!;

    public async Task InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private static MessageBody Body(string text) => new(text, null, AllowedMentions.None);

    [Theory]
    [InlineData(10003, DiscordErrorCode.UnknownChannel, true)]
    [InlineData(50001, DiscordErrorCode.MissingAccess, true)]
    [InlineData(50007, DiscordErrorCode.CannotSendMessagesToThisUser, true)]
    [InlineData(50013, DiscordErrorCode.MissingPermissions, false)]
    [InlineData(10062, DiscordErrorCode.UnknownInteraction, false)]
    [InlineData(40060, DiscordErrorCode.AlreadyAcknowledged, false)]
    [InlineData(12345, DiscordErrorCode.None, false)]
    public void Json_error_codes_become_typed_errors(int code, DiscordErrorCode typed, bool channelGone)
    {
        var error = new DiscordApiException(HttpStatusCode.Forbidden, code, "no", "POST channels/{channel_id}/messages");

        Assert.Equal((typed, channelGone), (error.ErrorCode, error.ChannelIsGone));
    }

    [Fact]
    public async Task A_refused_call_throws_its_code_and_is_not_retried()
    {
        fake.ChannelErrors["700000000000000003"] = 50013;
        var rest = Fixture.Rest(Fixture.Options(fake));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(new CreateMessageRequest("700000000000000003", Body("x")), CancellationToken.None));

        Assert.Equal(DiscordErrorCode.MissingPermissions, error.ErrorCode);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_global_429_holds_every_request_on_every_route_for_its_retry_after()
    {
        var rest = Fixture.Rest(Fixture.Options(fake));
        fake.RateLimitNext(1, retryAfterSeconds: 0.6, global: true);
        var started = DateTimeOffset.UtcNow;

        await rest.SendAsync(new CreateMessageRequest("700000000000000004", Body("a")), CancellationToken.None);
        await rest.SendAsync(new CreateMessageRequest("700000000000000005", Body("b")), CancellationToken.None);

        var answered = fake.Requests.Where(r => r.Status == 200).ToList();
        Assert.Equal(2, answered.Count);
        Assert.All(answered, r => Assert.True(r.At - started >= TimeSpan.FromMilliseconds(550), "a request went out during the global pause"));
        Assert.Equal(1, fake.TooManyRequests);
    }

    [Fact]
    public async Task An_answer_to_a_person_goes_ahead_of_bulk_posts_holding_every_global_slot()
    {
        // Replies to people are interaction answers, which Discord does not count against the global limit: while a
        // fan-out has every slot of the second (and a queue behind it), the answer goes out at once.
        var options = Fixture.Options(fake);
        options.GlobalRequestsPerSecond = 2;
        var rest = Fixture.Rest(options);
        var bulk = Enumerable.Range(0, 8).Select(i => rest.SendAsync(new CreateMessageRequest((710_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Body("digest")), CancellationToken.None)).ToList();
        Assert.True(await fake.WaitUntilAsync(() => fake.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)) >= 2));
        var interaction = fake.NewCommand("topics");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await rest.SendAsync(new CreateInteractionResponseRequest((string)interaction["id"]!, (string)interaction["token"]!,
            new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData("You follow karabakh."))), CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"the answer waited {clock.Elapsed.TotalMilliseconds:0} ms behind the bulk");
        Assert.True(fake.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)) < 8, "the bulk was already done: nothing was ahead of it");
        await Task.WhenAll(bulk);
    }

    [Fact]
    public async Task Calls_pause_before_the_invalid_request_budget_is_spent()
    {
        var options = Fixture.Options(fake);
        options.InvalidRequestBudget = 3;
        var rest = Fixture.Rest(options);
        fake.ChannelErrors["700000000000000006"] = 50001;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(new CreateMessageRequest("700000000000000006", Body("x")), CancellationToken.None));
        }

        var paused = await Assert.ThrowsAsync<DiscordTransientException>(() => rest.SendAsync(new CreateMessageRequest("700000000000000007", Body("y")), CancellationToken.None));

        Assert.Contains("10,000", paused.Message, StringComparison.Ordinal);
        Assert.Equal(3, fake.Requests.Count);
        Assert.True(paused.RetryAfter > TimeSpan.FromMinutes(9));
    }
}
