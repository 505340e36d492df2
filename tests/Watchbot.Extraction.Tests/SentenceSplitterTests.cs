using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Tests;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("The U.S. envoy arrived on Monday. He met both ministers.", 2)]
    [InlineData("Sirens sounded at 4 a.m. local time in the city. Nobody was hurt.", 2)]
    [InlineData("Gen. Smith visited the front. The army was on alert.", 2)]
    [InlineData("On Sept. 25, talks broke down. Fighting resumed two days later.", 2)]
    [InlineData("J. R. Tolkien wrote it. Everyone read it.", 2)]
    [InlineData("He asked: \"Is this the end?\" Nobody answered.", 2)]
    [InlineData("One sentence without an end", 1)]
    [InlineData("Mr. Aliyev spoke. Mrs. Jones listened! Did Dr. Brown agree?", 3)]
    [InlineData("Washington D.C. officials said nothing. The talks went on.", 2)]
    public void Abbreviations_do_not_end_a_sentence(string text, int count)
    {
        Assert.Equal(count, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void A_quote_that_spans_sentences_is_tracked()
    {
        var sentences = SentenceSplitter.Split("She said: \"We stayed inside. The shelling went on all night.\" Then she left.");
        Assert.True(sentences[1].IsQuoted(3));
        Assert.False(sentences[2].IsQuoted(3));
    }

    [Fact]
    public void A_blank_line_in_the_middle_of_a_sentence_does_not_split_it()
    {
        var sentences = SentenceSplitter.Split("Officials said the drones struck a convoy on the\n\nroad to the border. Nobody else was hurt.");
        Assert.Equal(2, sentences.Count);
        Assert.Contains("on the road to the border", sentences[0].Text);
    }

    [Fact]
    public void Curly_quotes_and_dashes_are_straightened()
    {
        var s = SentenceSplitter.Split("“We are ready”—the minister said – in 1988–1994 terms.")[0].Text;
        Assert.DoesNotContain('“', s);
        Assert.DoesNotContain('—', s);
        Assert.Contains("1988-1994", s);
    }
}
