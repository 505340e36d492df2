using Watchbot.Core.Messages;
using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Rendering;

namespace Watchbot.Telegram.Tests;

public sealed class RendererTests
{
    private static OutgoingMessage Digest(IEnumerable<MessageItem> items, string? footer = null) =>
        new(MessageKind.Digest, "Karabakh digest", [new MessageSection("Escalations", items.ToList())], footer);

    [Fact]
    public void Article_text_is_escaped_and_only_allowed_tags_are_used()
    {
        var message = Digest([new MessageItem("Shelling <near> Terter & \"Ganja\"", [new MessageLink("AP & co", "https://example.org/a?x=1&y=\"2\"")])], "Footer <i>");

        var part = Assert.Single(TelegramHtmlRenderer.Render(message));

        Assert.Contains("Shelling &lt;near&gt; Terter &amp; &quot;Ganja&quot;", part.Html);
        Assert.Contains("<a href=\"https://example.org/a?x=1&amp;y=&quot;2&quot;\">AP &amp; co</a>", part.Html);
        var (text, error) = FakeHtml.Parse(part.Html);
        Assert.Null(error);
        Assert.Contains("Shelling <near> Terter & \"Ganja\"", text);
        Assert.Equal(text!.Length, part.TextLength);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("not a url")]
    public void Only_http_links_become_anchors(string url)
    {
        var part = Assert.Single(TelegramHtmlRenderer.Render(Digest([new MessageItem("Item", [new MessageLink("src", url)])])));

        Assert.DoesNotContain("<a ", part.Html);
    }

    [Fact]
    public void A_long_digest_is_split_between_items_within_the_limit_after_parsing()
    {
        var items = Enumerable.Range(1, 300).Select(i => new MessageItem($"Item {i:000}: {new string('&', 40)} and <{i}>", [new MessageLink("source", $"https://example.org/{i}")])).ToList();

        var parts = TelegramHtmlRenderer.Render(Digest(items, "End of digest"));

        Assert.True(parts.Count > 1);
        var all = string.Join("\n", parts.Select(p => p.Html));
        foreach (var part in parts)
        {
            var (text, error) = FakeHtml.Parse(part.Html);
            Assert.Null(error);
            Assert.True(text!.Length <= TelegramHtmlRenderer.MaxLength, $"{text.Length} characters");
            Assert.Equal(text.Length, part.TextLength);
        }

        for (var i = 1; i <= 300; i++)
        {
            Assert.Equal(1, CountOf(all, $"Item {i:000}:"));
        }

        Assert.StartsWith("<b>Escalations</b>", parts[1].Html);
        Assert.EndsWith("<i>End of digest</i>", parts[^1].Html);
    }

    [Fact]
    public void An_item_longer_than_a_message_is_cut_with_an_ellipsis()
    {
        var huge = new string('x', 10_000);

        var parts = TelegramHtmlRenderer.Render(Digest([MessageItem.Plain("short one"), MessageItem.Plain(huge), MessageItem.Plain("after")]));

        Assert.All(parts, p => Assert.True(FakeHtml.Parse(p.Html).Text!.Length <= TelegramHtmlRenderer.MaxLength));
        Assert.Contains(parts, p => p.Html.Contains("x…", StringComparison.Ordinal));
        Assert.Contains(parts, p => p.Html.Contains("after", StringComparison.Ordinal));
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3000));

        var part = TelegramHtmlRenderer.Render(OutgoingMessage.Reply(text))[0];

        Assert.DoesNotContain('\uFFFD', part.Html);
        Assert.False(char.IsHighSurrogate(part.Html[^2]));
        Assert.True(part.TextLength <= TelegramHtmlRenderer.MaxLength);
    }

    [Fact]
    public void A_reply_renders_as_its_text_alone() =>
        Assert.Equal("Subscribed &amp; ready", Assert.Single(TelegramHtmlRenderer.Render(OutgoingMessage.Reply("Subscribed & ready"))).Html);

    [Fact]
    public void An_empty_message_still_renders_something_sendable() =>
        Assert.NotEmpty(FakeHtml.Parse(Assert.Single(TelegramHtmlRenderer.Render(new OutgoingMessage(MessageKind.Reply, "", []))).Html).Text!);

    private static int CountOf(string haystack, string needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Regression from fuzzing the router: Telegram refuses a message with a lone surrogate.</summary>
public sealed class HtmlTextSurrogateTests
{
    [Fact]
    public void A_lone_surrogate_is_rendered_as_a_replacement_character()
    {
        var html = TelegramHtmlRenderer.Render(OutgoingMessage.Reply("You do not follow '\uDC00'.")).Single().Html;

        Assert.Equal("You do not follow '\uFFFD'.", html);
    }
}
