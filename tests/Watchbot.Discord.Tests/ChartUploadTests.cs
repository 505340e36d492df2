using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Sending;
using Watchbot.Fakes;
using Watchbot.Fakes.Discord;

namespace Watchbot.Discord.Tests;

/// <summary>A digest's chart on Discord: uploaded as files[0] of a multipart post and shown as the first embed's image.</summary>
public sealed class ChartUploadTests : IAsyncLifetime
{
    private const string Channel = "700000000000000301";
    private readonly TempFolder folder = new();
    private FakeDiscord fake = null!;
    private DiscordSender sender = null!;
    private readonly List<int> progress = [];

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        sender = Fixture.Sender(fake);
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    private Task<MessageImage> ChartAsync() => SampleChart.RenderAsync(folder.Path);

    private Task<DeliveryResult> SendAsync(OutgoingMessage message, int partsSent) =>
        sender.SendAsync(new OutboxDelivery(51, new ChatAddress("discord", Channel), message, partsSent), (parts, _) =>
        {
            progress.Add(parts);
            return Task.CompletedTask;
        }, CancellationToken.None);

    private IReadOnlyList<FakeDiscordRequest> Posts() =>
        fake.Requests.Where(r => r.Method == "POST" && r.Path == $"channels/{Channel}/messages" && r.Status == 200).ToList();

    [Fact]
    public async Task A_digest_with_a_chart_uploads_the_png_as_files_0_and_shows_it_as_the_first_embeds_image()
    {
        var image = await ChartAsync();

        var result = await SendAsync(SampleDigest.Of(3, image), 0);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var post = Assert.Single(Posts());
        var upload = Assert.Single(post.Files!);
        Assert.Equal($"files[0]|{image.FileName}", upload.FileName);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal((800, 450), PngHeader.Read(upload.Bytes));
        Assert.Equal("attachment://" + image.FileName, (string?)post.Body!["embeds"]![0]!["image"]!["url"]);
        Assert.Equal(image.FileName, (string?)post.Body["attachments"]![0]!["filename"]);
        Assert.Equal(0, (int?)post.Body["attachments"]![0]!["id"]);
        Assert.Contains("Karabakh digest", (string?)post.Body["embeds"]![0]!["title"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_digest_with_a_chart_whose_second_part_fails_resumes_there_and_uploads_the_chart_once()
    {
        var image = await ChartAsync();
        var message = Fixture.ThreePartDigest(image);
        fake.FailNext(4, after: 1);

        var first = await SendAsync(message, 0);
        var second = await SendAsync(message, progress.Max());

        Assert.IsType<DeliveryResult.Retry>(first);
        Assert.IsType<DeliveryResult.Delivered>(second);
        var posts = Posts().Where(p => !p.Repeat).ToList();
        Assert.Equal(3, posts.Count);
        Assert.Single(posts, p => p.Files is { Count: 1 });
        Assert.NotNull(posts[0].Files);
        Assert.Equal(["w51p0", "w51p1", "w51p2"], posts.Select(p => (string?)p.Body!["nonce"]));
    }

    [Fact]
    public async Task A_digest_whose_chart_file_is_gone_goes_as_text_alone()
    {
        var image = await ChartAsync();
        File.Delete(image.Path);

        var result = await SendAsync(SampleDigest.Of(3, image), 0);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var post = Assert.Single(Posts());
        Assert.Null(post.Files);
        Assert.Null(post.Body!["embeds"]![0]!["image"]);
    }
}
