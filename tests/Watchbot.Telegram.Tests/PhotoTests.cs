using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Fakes;
using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Rendering;
using Watchbot.Telegram.Tests.Support;

namespace Watchbot.Telegram.Tests;

/// <summary>A digest's chart on Telegram: one sendPhoto upload captioned with the digest's first part, then the rest as
/// messages, within the same limits, retries and once-only delivery as text.</summary>
public sealed class PhotoTests : IAsyncLifetime
{
    private const long Chat = 42;
    private readonly TempFolder folder = new();
    private FakeBotApiServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    private static ChatAddress Address => new("telegram", "42");

    private Task<MessageImage> ChartAsync() => SampleChart.RenderAsync(folder.Path);

    [Fact]
    public async Task A_digest_with_a_chart_goes_as_one_photo_captioned_with_at_most_1024_characters_then_the_rest_as_messages()
    {
        var image = await ChartAsync();
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));

        var result = await sender.SendAsync(Address, SampleDigest.Of(30, image), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var photo = Assert.Single(fake.Photos);
        Assert.Equal((800, 450), PngHeader.Read(photo.Bytes));
        Assert.InRange(photo.Caption.Length, 1, TelegramHtmlRenderer.MaxCaptionLength);
        Assert.StartsWith("Karabakh digest", photo.Caption, StringComparison.Ordinal);
        Assert.Contains("&amp;", photo.CaptionHtml, StringComparison.Ordinal);
        var rest = fake.SentTo(Chat);
        Assert.NotEmpty(rest);
        Assert.All(rest, m => Assert.True(m.MessageId > photo.MessageId));
        var whole = photo.Caption + "\n" + string.Join("\n", rest.Select(m => m.Text));
        Assert.All(Enumerable.Range(0, 30), i => Assert.Contains($"Shelling {i} of", whole, StringComparison.Ordinal));
        Assert.EndsWith("The end of the digest", rest[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_on_the_photo_is_waited_out_and_the_photo_sent_once()
    {
        var image = await ChartAsync();
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        fake.FailNext(Chat, FakeFailure.Flood(1));

        var result = await sender.SendAsync(Address, SampleDigest.Of(2, image), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal(2, fake.CallsOf("sendPhoto").Count);
        Assert.Single(fake.Photos);
        Assert.Equal(1, fake.TooManyRequestsAnswered);
    }

    [Fact]
    public async Task When_a_message_after_the_photo_fails_the_retry_sends_only_what_is_left_and_never_the_photo_again()
    {
        var image = await ChartAsync();
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));
        var digest = SampleDigest.Of(30, image);
        fake.FailNext(Chat, new FakeFailure.Pass(), new FakeFailure.BadGateway(), new FakeFailure.BadGateway(), new FakeFailure.BadGateway());

        var first = await sender.SendAsync(Address, digest, CancellationToken.None);
        var photosAfterFirst = fake.Photos.Count;
        var second = await sender.SendAsync(Address, digest, CancellationToken.None);

        Assert.IsType<DeliveryResult.Retry>(first);
        Assert.Equal(1, photosAfterFirst);
        Assert.IsType<DeliveryResult.Delivered>(second);
        Assert.Single(fake.Photos);
        var texts = fake.SentTo(Chat).Select(m => m.Text).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public async Task A_digest_whose_chart_file_is_gone_goes_as_text_alone()
    {
        var image = await ChartAsync();
        File.Delete(image.Path);
        var sender = Support.Telegram.Sender(Support.Telegram.Options(fake));

        var result = await sender.SendAsync(Address, SampleDigest.Of(2, image), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Empty(fake.CallsOf("sendPhoto"));
        Assert.Contains("Shelling 1 of", Assert.Single(fake.SentTo(Chat)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_part_can_be_held_to_a_captions_length_and_the_rest_keep_the_message_length()
    {
        var parts = TelegramHtmlRenderer.Render(SampleDigest.Of(40, null), firstMaxLength: TelegramHtmlRenderer.MaxCaptionLength);

        Assert.InRange(parts[0].TextLength, 1, TelegramHtmlRenderer.MaxCaptionLength);
        Assert.All(parts.Skip(1), p => Assert.InRange(p.TextLength, 1, TelegramHtmlRenderer.MaxLength));
        Assert.Contains(parts.Skip(1), p => p.TextLength > TelegramHtmlRenderer.MaxCaptionLength);
    }
}
