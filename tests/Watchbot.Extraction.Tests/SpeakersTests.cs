using Watchbot.Extraction.Frames;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Tests;

/// <summary>Who is the subject of a trigger word; when every actor before it is an object, the last one named stands in.</summary>
public class SpeakersTests
{
    private static SentenceContext Context(string text) =>
        new(SentenceSplitter.Split(text).Single(), TestSupport.Day("2020-10-07"), new SentenceDate(TestSupport.Day("2020-10-07"), null, Core.Events.DatePrecision.Day, false), false, TestSupport.Config)
        {
            Conflict = TestSupport.Karabakh,
        };

    [Theory]
    [InlineData("Azerbaijan shelled the town, Armenia said.", "shelled", "Azerbaijan")]
    [InlineData("Armenia accused Azerbaijan and then Turkey shelled it.", "shelled", "Turkey")]
    [InlineData("Russia met Armenia and Azerbaijan before it called for a truce.", "called", "Russia")]
    [InlineData("Talks with Turkey in Russia ended before shelling resumed.", "shelling", "Russia")]
    [InlineData("Shelling resumed.", "resumed", null)]
    [InlineData("\"We will strike,\" Azerbaijan warned, as Armenia listened.", "strike", "Azerbaijan")]
    [InlineData("Armenia said: \"They will strike again.\"", "strike", "Armenia")]
    public void The_subject_is_the_nearest_actor_before_the_word_that_is_not_an_object(string text, string word, string? expected)
    {
        var s = Context(text);
        var position = text.IndexOf(word, StringComparison.Ordinal);
        Assert.Equal(expected, Speakers.Subject(s, position, 0)?.Name);
    }
}
