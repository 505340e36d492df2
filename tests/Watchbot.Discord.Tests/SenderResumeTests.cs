using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

/// <summary>No duplicate posts: nonces on queued messages, and split messages resumed at the first undelivered part.</summary>
public sealed class SenderResumeTests : IAsyncLifetime
{
    private const string Channel = "700000000000000201";
    private FakeDiscord fake = null!;
    private DiscordSender sender = null!;
    private readonly List<int> progress = [];

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        sender = Fixture.Sender(fake);
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private Task<DeliveryResult> SendAsync(OutgoingMessage message, int partsSent) =>
        sender.SendAsync(new OutboxDelivery(41, new ChatAddress("discord", Channel), message, partsSent), (parts, _) =>
        {
            progress.Add(parts);
            return Task.CompletedTask;
        }, CancellationToken.None);

    [Fact]
    public async Task A_split_message_whose_second_part_keeps_failing_resumes_at_that_part_and_posts_the_first_once()
    {
        var message = Fixture.ThreePartDigest();
        fake.FailNext(4, after: 1);

        var first = await SendAsync(message, 0);
        var second = await SendAsync(message, progress.Max());

        Assert.IsType<DeliveryResult.Retry>(first);
        Assert.IsType<DeliveryResult.Delivered>(second);
        Assert.Equal([1, 2], progress);
        var posted = fake.MessagesTo(Channel);
        Assert.Equal(3, posted.Count);
        Assert.Equal(["w41p0", "w41p1", "w41p2"], posted.Select(p => (string?)p["nonce"]));
        Assert.All(posted, p => Assert.True((bool?)p["enforce_nonce"]));
    }

    [Fact]
    public async Task A_post_retried_after_its_answer_was_lost_is_not_posted_twice()
    {
        fake.LoseNextAnswers(1);

        var result = await SendAsync(OutgoingMessage.Reply("shelling reported"), 0);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Single(fake.MessagesTo(Channel));
        Assert.Equal(1, fake.NonceRepeats);
    }

    [Fact]
    public void Every_nonce_fits_in_Discords_25_characters()
    {
        Assert.True(MessageNonce.For(long.MaxValue, 99).Length <= MessageNonce.MaxLength);
    }
}
