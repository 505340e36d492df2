using System.Text;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Tests;

public class TextNormalizerTests
{
    /// <summary>The rule, one character at a time, written the plain way: what the fast path must agree with.</summary>
    private static string Reference(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(c switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => "\"",
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => "'",
                '\u2013' or '\u2012' or '\u2212' => "-",
                '\u2014' or '\u2015' => " - ",
                '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\t' => " ",
                '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' => "",
                '\u2026' => "...",
                '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? "" : "\n",
                _ when char.IsControl(c) && c != '\n' => "",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("plain text\nstays", "plain text\nstays")]
    [InlineData("\u201CStop,\u201D he said \u2014 twice\u2026", "\"Stop,\" he said  -  twice...")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    [InlineData("\u2014\u2014\u2026", " -  - ...")]
    [InlineData("x\u0007y\u0085z\u200Bw", "xyzw")]
    public void Quotes_dashes_spaces_and_controls_become_plain_characters(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.NormalizeCharacters(text));

    [Fact]
    public void A_text_with_nothing_to_change_comes_back_as_the_same_string()
    {
        const string text = "Nothing here needs changing.\nNot even this line.";
        Assert.Same(text, TextNormalizer.NormalizeCharacters(text));
    }

    [Fact]
    public void Random_mixtures_of_special_characters_normalize_as_the_plain_rule_says()
    {
        var alphabet = "ab \n\r\t.,\u201C\u201D\u2018\u2019\u2013\u2014\u2026\u00A0\u00AD\u200B\uFEFF\u0001\u007F\u0085\u00E9\u4E2D";
        foreach (var text in TestSupport.RandomTexts(alphabet, 11, 2000, 60))
        {
            Assert.Equal(Reference(text), TextNormalizer.NormalizeCharacters(text));
        }
    }

    [Theory]
    [InlineData("One.\n\nTwo.\n\nThree.", "One.|Two.|Three.")]
    [InlineData("The talks were held in\n\nGeneva on Friday.\n\nNo deal came.", "The talks were held in Geneva on Friday.|No deal came.")]
    [InlineData("It was\n\nthe end of\n\nthe war.", "It was the end of the war.")]
    [InlineData("Sent by a,\n\nBig news.", "Sent by a, Big news.")]
    [InlineData("# Heading\n\nbody text", "# Heading|body text")]
    [InlineData("  spaced   out  \n  lines  \n\n\n  next  ", "spaced out lines next")]
    [InlineData("  spaced   out  \n  lines.  \n\n\n  Next  ", "spaced out lines.|Next")]
    [InlineData("ab\n\nCd", "ab|Cd")]
    [InlineData("a\n\nB", "a B")]
    public void Paragraphs_split_at_blank_lines_and_join_where_a_page_break_cut_a_sentence(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', TextNormalizer.Paragraphs(text)));

    [Fact]
    public void Random_texts_split_into_raw_paragraphs_as_the_blank_line_pattern_does()
    {
        // The pattern the splitter replaced, kept here as the rule it must agree with.
        var blankLines = new System.Text.RegularExpressions.Regex(@"\n[ \t]*\n\s*");
        var spaces = new System.Text.RegularExpressions.Regex("[ ]{2,}");
        var alphabet = "ab \n\n\t\r.\u3000\u00A0";
        foreach (var text in TestSupport.RandomTexts(alphabet, 3, 3000, 40))
        {
            var expected = blankLines.Split(text).Select(p => spaces.Replace(p.Replace('\n', ' '), " ").Trim()).Where(p => p.Length > 0);
            Assert.Equal(expected, TextNormalizer.RawParagraphs(text));
        }
    }
}
