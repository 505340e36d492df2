using Watchbot.Core.Events;
using Watchbot.Extraction.Frames;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Tests;

/// <summary>
/// The date and background a sentence inherits from the sentences before it. They are worked out only when a rule
/// asks, so these tests ask in orders the extractor never uses (the last sentence first, one sentence twice) and check
/// the answers do not depend on it.
/// </summary>
public class DiscourseTests
{
    private static readonly DateOnly Published = TestSupport.Day("2020-10-07");

    private static List<SentenceContext> Read(string body, bool dateFound = true)
    {
        var discourse = new Discourse(Published, dateFound);
        var contexts = new List<SentenceContext>();
        foreach (var sentence in SentenceSplitter.Split(body))
        {
            var context = new SentenceContext(sentence, Published, TestSupport.Config);
            discourse.Add(context);
            contexts.Add(context);
        }

        return contexts;
    }

    [Fact]
    public void A_sentence_without_a_date_takes_the_last_date_of_its_paragraph_even_when_asked_first()
    {
        var s = Read("Shelling hit the town on October 3. Two houses burned. Residents fled.");
        Assert.Equal(TestSupport.Day("2020-10-03"), s[2].Date.Date);
        Assert.False(s[2].Date.Defaulted);
        Assert.Equal(TestSupport.Day("2020-10-03"), s[1].Date.Date);
        Assert.Equal(TestSupport.Day("2020-10-03"), s[0].Date.Date);
        Assert.False(s[0].Date.Defaulted);
    }

    [Fact]
    public void A_later_date_in_the_paragraph_replaces_the_carried_one()
    {
        var s = Read("Shelling hit the town on October 3. Two houses burned. On October 5 the army withdrew. Roads closed.");
        Assert.Equal(TestSupport.Day("2020-10-03"), s[1].Date.Date);
        Assert.Equal(TestSupport.Day("2020-10-05"), s[3].Date.Date);
    }

    [Fact]
    public void A_new_paragraph_without_a_date_takes_the_ledes_day_not_the_previous_paragraphs()
    {
        var s = Read("Rockets hit Barda on October 4, officials said.\n\nA second barrage came on October 6.\n\nTwo schools were damaged.");
        Assert.Equal(TestSupport.Day("2020-10-04"), s[2].Date.Date);
        Assert.True(s[2].Date.Defaulted);
    }

    [Fact]
    public void A_byline_above_the_lede_does_not_take_its_place()
    {
        var article = TestSupport.Article("By Lena Marsh | Caucasus Desk\n\nArmenian forces shelled Fuzuli on Monday, officials said.\n\nAzerbaijan said it fired back at positions near Martuni.");

        var items = TestSupport.Extractor.ReadItems(article, TestSupport.Topics).Where(i => i.Kind == EventKind.Escalation).ToList();

        Assert.All(items, i => Assert.Equal(TestSupport.Day("2020-10-05"), i.Date.Date));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void Without_a_date_anywhere_a_sentence_is_dated_the_day_before_publication()
    {
        var s = Read("Two schools were damaged.\n\nThe roads were closed.");
        Assert.Equal(Published.AddDays(-1), s[1].Date.Date);
        Assert.True(s[1].Date.Defaulted);
    }

    [Fact]
    public void An_article_without_a_date_of_its_own_marks_every_date_defaulted()
    {
        var s = Read("Shelling hit the town on October 3.", dateFound: false);
        Assert.Equal(TestSupport.Day("2020-10-03"), s[0].Date.Date);
        Assert.True(s[0].Date.Defaulted);
    }

    [Fact]
    public void History_makes_the_rest_of_its_paragraph_background_until_a_dated_sentence()
    {
        var s = Read("The 1988-1994 war killed about 30,000 people. Villages were emptied. On October 3 shelling resumed. Two houses burned.\n\nRoads closed.");
        Assert.False(s[4].Background);
        Assert.False(s[3].Background);
        Assert.True(s[1].Background);
        Assert.False(s[2].Background);
        Assert.True(s[0].Background);
    }

    [Fact]
    public void Asking_about_every_sentence_of_a_long_paragraph_gives_the_same_answers_in_any_order()
    {
        var body = "The 1988-1994 war emptied the region. " + string.Concat(Enumerable.Repeat("Villages were emptied. ", 300)) + "On October 3 shelling resumed. Houses burned.";
        var forward = Read(body);
        var backward = Read(body);
        var expected = forward.Select(c => (c.Background, c.Date)).ToList();
        var actual = Enumerable.Range(0, backward.Count).Reverse().Select(i => (backward[i].Background, backward[i].Date)).Reverse().ToList();
        Assert.Equal(expected, actual);
        Assert.All(expected.Take(301), e => Assert.True(e.Background));
        Assert.Equal(TestSupport.Day("2020-10-03"), expected[^1].Date.Date);
        Assert.Equal(DatePrecision.Day, expected[^1].Date.Precision);
    }
}
