using System.Security.Cryptography;
using System.Text;
using Watchbot.Extraction.Parsing;

namespace Watchbot.Extraction.Tests;

public class ContentHashTests
{
    /// <summary>The rule written the plain way: lower-case each character, one space for each run of white space, none at the ends, SHA-256 of the UTF-8.</summary>
    private static string Reference(string body)
    {
        var folded = new StringBuilder();
        var space = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(char.ToLowerInvariant(c));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded.ToString())));
    }

    [Fact]
    public void A_known_text_keeps_the_hash_stored_articles_were_saved_under()
    {
        // Stored articles are found again by this hash: changing how it is computed would let every one in twice.
        Assert.Equal("190269562c19de23c56723d48ca118f30681bd73a50418e4bbd24ae38f5ff3a8", ContentHash.Of("Shelling hit  Stepanakert\n\nOvernight, officials SAID."));
    }

    [Theory]
    [InlineData("Two  spaces", "two spaces")]
    [InlineData("  Leading and trailing\t\n", "LEADING AND TRAILING")]
    [InlineData("Line\r\nbreaks\u00A0and\u2009odd\u3000spaces", "line breaks and odd spaces")]
    [InlineData("\u00C9vora \u0130stanbul", "\u00E9vora \u0130stanbul")]
    public void Case_and_white_space_do_not_change_the_hash(string one, string two) =>
        Assert.Equal(ContentHash.Of(one), ContentHash.Of(two));

    [Fact]
    public void Different_words_hash_differently() =>
        Assert.NotEqual(ContentHash.Of("Four soldiers were killed."), ContentHash.Of("Five soldiers were killed."));

    [Fact]
    public void Random_texts_hash_as_the_plain_rule_says()
    {
        // ASCII with its white space and NUL, Latin and CJK letters with case, odd spaces, and surrogates both paired and alone.
        var alphabet = "aZ \n\r\t\v\f\u0000\u001F.,\u0085\u00A0\u2009\u3000\u00C9\u00E9\u0130\u03A3\u4E2D\uD83D\uDE00\uD800\uDC00";
        foreach (var text in TestSupport.RandomTexts(alphabet, 5, 3000, 40))
        {
            Assert.Equal(Reference(text), ContentHash.Of(text));
        }
    }
}
