using Watchbot.Core.Messages;
using Watchbot.Discord.Rendering;

namespace Watchbot.Discord.Tests;

public sealed class EmbedRendererTests
{
    private static OutgoingMessage Digest(int items, int itemLength, int sections = 1, string? footer = "Watchbot digest") =>
        new(MessageKind.Digest, "Karabakh: what changed since yesterday",
            Enumerable.Range(0, sections).Select(s => new MessageSection($"Section {s}",
                Enumerable.Range(0, items).Select(i => new MessageItem($"{s}-{i} " + new string('x', itemLength), [new MessageLink("source", "https://example.org/a(1)")])).ToList())).ToList(),
            footer);

    [Theory]
    [InlineData(1, 50, 1)]
    [InlineData(40, 200, 3)]
    [InlineData(300, 300, 2)]
    [InlineData(5, 5000, 1)]
    [InlineData(100, 900, 4)]
    public void Every_rendered_message_keeps_every_embed_limit(int items, int itemLength, int sections)
    {
        var bodies = EmbedRenderer.Render(Digest(items, itemLength, sections));

        Assert.NotEmpty(bodies);
        Assert.All(bodies, b => Assert.Empty(EmbedLimits.Violations(b)));
    }

    [Fact]
    public void A_long_digest_is_split_between_items_and_loses_none()
    {
        var message = Digest(300, 300, 2);
        var bodies = EmbedRenderer.Render(message);
        var text = string.Join("\n", bodies.SelectMany(b => b.Embeds!).Select(e => e.Description));

        Assert.True(bodies.Count > 1);
        for (var s = 0; s < 2; s++)
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.Contains($"{s}-{i} " + new string('x', 300), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_title_goes_on_the_first_embed_and_the_footer_on_the_last()
    {
        var bodies = EmbedRenderer.Render(Digest(300, 300));

        Assert.Equal("Karabakh: what changed since yesterday", bodies[0].Embeds![0].Title);
        Assert.Equal("Watchbot digest", bodies[^1].Embeds![^1].Footer?.Text);
        Assert.Single(bodies.SelectMany(b => b.Embeds!), e => e.Footer is not null);
    }

    [Fact]
    public void Every_message_allows_no_mentions()
    {
        var bodies = EmbedRenderer.Render(OutgoingMessage.Reply("@everyone look"));

        Assert.All(bodies, b => Assert.Empty(b.AllowedMentions.Parse));
    }

    [Fact]
    public void Markdown_and_mentions_in_article_text_are_escaped()
    {
        var escaped = DiscordMarkdown.Escape("**bold** <@123> @everyone _x_ `code` [a](b)");

        Assert.Equal(@"\*\*bold\*\* \<\@123\> \@everyone \_x\_ \`code\` \[a\]\(b\)", escaped);
    }

    [Fact]
    public void A_link_with_parentheses_stays_one_link()
    {
        Assert.Equal("[source](https://example.org/a%281%29)", DiscordMarkdown.Link("source", "https://example.org/a(1)"));
        Assert.Equal("source", DiscordMarkdown.Link("source", "javascript:alert(1)"));
    }

    [Fact]
    public void A_title_over_256_characters_is_cut()
    {
        var bodies = EmbedRenderer.Render(new OutgoingMessage(MessageKind.Alert, new string('t', 400), [new MessageSection(null, [MessageItem.Plain("x")])]));

        Assert.Equal(256, bodies[0].Embeds![0].Title!.Length);
    }
}

/// <summary>Regressions from fuzzing the router: a lone surrogate and a cut inside an emoji.</summary>
public sealed class DiscordMarkdownSurrogateTests
{
    [Fact]
    public void Escape_turns_a_lone_surrogate_into_a_replacement_character() =>
        Assert.Equal("a\uFFFDb", DiscordMarkdown.Escape("a\uD800b"));

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(2)]
    public void Truncate_never_cuts_an_emoji_in_half(int max)
    {
        var cut = DiscordMarkdown.Truncate(string.Concat(Enumerable.Repeat("😀", 20)), max);

        Assert.True(cut.Length <= max);
        Assert.Equal(cut, Watchbot.Core.Messages.SafeText.Repair(cut));
    }
}
