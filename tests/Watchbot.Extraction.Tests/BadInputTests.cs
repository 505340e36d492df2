using System.Text;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Parsing;
using Watchbot.Extraction.Text;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Tests;

/// <summary>Regression tests for what the fuzz tests found, one a bug, in my own words.</summary>
public class BadInputTests
{
    private static readonly DateOnly ReadOn = new(2020, 12, 31);

    [Theory]
    [InlineData("Villagers recalled the war of 19\u0669\u0664 when the shelling began again.")]
    [InlineData("On 2\u0660\u0662\u0660-1\u0660-\u0660\u0665 shells hit the market and three people were killed.")]
    [InlineData("Some \u0663-\u0667 soldiers were killed near the border, officials said.")]
    [InlineData("About 5\uFF13 civilians were wounded on October \uFF15, the ministry said.")]
    [InlineData("The report listed 1\u0969\u0966\u0966-1\u0969\u0967\u0966 as the years of the first war.")]
    [InlineData("Officials said 99999999999999999999-999999999999999999999 soldiers were killed.")]
    public void Digits_of_other_scripts_and_overlong_numbers_are_read_without_a_crash(string sentence)
    {
        var items = TestSupport.Items(sentence);
        Assert.NotNull(items);
        Assert.All(NumberReader.Read(sentence), n => Assert.True(n.Value >= 0));
    }

    [Theory]
    [InlineData(", said Armenian officials, three soldiers were killed in the shelling.")]
    [InlineData(",, said the Azerbaijani ministry after artillery shelled Ganja.")]
    [InlineData("; according to Armenia, three soldiers were killed.")]
    [InlineData(": Azerbaijan said, who denied it, that two villages were shelled and four people were killed.")]
    public void A_sentence_that_opens_with_a_comma_before_a_speech_verb_is_read_without_a_crash(string sentence) =>
        Assert.NotNull(TestSupport.Items("The shelling went on.\n\n" + sentence));

    [Fact]
    public void A_sentence_with_no_full_stop_is_read_in_pieces_and_none_of_its_text_is_lost()
    {
        var words = string.Join(' ', Enumerable.Repeat("troops moved along the road near the river", 2000));
        var sentences = SentenceSplitter.Split([words]);
        Assert.True(sentences.Count > 1);
        Assert.All(sentences, s => Assert.True(s.Text.Length <= SentenceSplitter.MaxSentenceLength));
        Assert.Equal(words.Replace(" ", "", StringComparison.Ordinal), string.Concat(sentences.Select(s => s.Text.Replace(" ", "", StringComparison.Ordinal))));
        Assert.Equal(Enumerable.Range(0, sentences.Count), sentences.Select(s => s.IndexInParagraph));
    }

    [Fact]
    public void A_long_run_of_dotted_letters_is_not_taken_for_an_abbreviation()
    {
        var run = string.Concat(Enumerable.Repeat("a.", 50_000)) + " Then the town was shelled.";
        var sentences = SentenceSplitter.Split([run]);
        Assert.Equal("Then the town was shelled.", sentences[^1].Text);
        Assert.Equal(2, SentenceSplitter.Split(["Troops left the U.S. The talks went on."]).Count);
    }

    [Fact]
    public void Quotes_stay_with_their_sentences_in_a_paragraph_of_many_quotes()
    {
        var paragraph = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"He said \"stop number {i}.\" Then he left."));
        var sentences = SentenceSplitter.Split([paragraph]);
        var quoted = sentences.Where(s => s.Text.StartsWith("He said", StringComparison.Ordinal)).ToList();
        Assert.Equal(3000, quoted.Count);
        Assert.All(quoted, s => Assert.True(s.IsQuoted(s.Text.IndexOf("stop", StringComparison.Ordinal))));
        Assert.All(sentences.Where(s => s.Text.StartsWith("Then", StringComparison.Ordinal)), s => Assert.Empty(s.Quoted));
    }

    [Fact]
    public void Many_lines_broken_mid_sentence_join_into_one_paragraph()
    {
        var text = string.Join("\n\n", Enumerable.Repeat("the convoy moved on and", 100_000)) + "\n\nstopped.";
        var paragraphs = TextNormalizer.Paragraphs(text);
        Assert.Single(paragraphs);
        Assert.EndsWith("and stopped.", paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The army said\n\nthat it had withdrawn.", 1)]
    [InlineData("Shelling hit the town of\n\nMartakert overnight.", 1)]
    [InlineData("Shelling hit the town overnight, residents said, and the power failed in several districts of the city\n\nResidents fled.", 1)]
    [InlineData("Shelling hit the town\n\nResidents fled.", 2)]
    [InlineData("Shelling hit the town whose\n\nResidents fled.", 1)]
    [InlineData("Shelling hit the town notwhose\n\nResidents fled.", 2)]
    public void A_page_break_inside_a_sentence_is_joined_as_before(string text, int count) =>
        Assert.Equal(count, TextNormalizer.Paragraphs(text).Count);

    [Theory]
    [InlineData("[")]
    [InlineData("<https://")]
    [InlineData("![")]
    [InlineData("[a](")]
    public void A_huge_Markdown_line_of_openings_is_stripped_in_one_pass(string unit)
    {
        // Before, each opening scanned to the end of the line for its close: a hang on a line like this.
        var line = string.Concat(Enumerable.Repeat(unit, 100_000));
        Assert.Equal(line, MarkdownText.StripLine(line));
    }

    [Theory]
    [InlineData("See [the statement](https://example.org/a) today.", "See the statement today.")]
    [InlineData("A map: ![map](https://example.org/m.png) here.", "A map:  here.")]
    [InlineData("Read <https://example.org/x> later.", "Read  later.")]
    [InlineData("Costs rose to \\$100 million.", "Costs rose to $100 million.")]
    public void Markdown_links_images_and_escapes_are_still_stripped(string line, string expected) =>
        Assert.Equal(expected, MarkdownText.StripLine(line));

    private static string Page(string inner) =>
        "<html><body><article>" + inner + string.Concat(Enumerable.Repeat("<p>Shells fell on the town overnight and residents sheltered in basements while officials counted the damage.</p>", 5)) + "</article></body></html>";

    [Fact]
    public void A_page_with_thousands_of_unclosed_tags_is_refused_with_a_reason()
    {
        var outcome = ArticleParser.Parse(Page(string.Concat(Enumerable.Repeat("<div>", 5000))), "deep.html", null, ReadOn);
        Assert.False(outcome.Ok);
        Assert.Contains("more than 1000 elements", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div", 900, true)]
    [InlineData("p", 5000, true)]
    [InlineData("li", 5000, true)]
    [InlineData("br", 5000, true)]
    [InlineData("span", 1001, false)]
    public void Nesting_is_counted_only_for_elements_that_stay_open(string tag, int count, bool ok) =>
        Assert.Equal(ok, ArticleParser.Parse(Page(string.Concat(Enumerable.Repeat($"<{tag}>", count))), "p.html", null, ReadOn).Ok);

    [Fact]
    public void A_feed_nested_far_too_deep_is_refused_with_a_reason()
    {
        var xml = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000)) + "</channel></rss>";
        var result = FeedParser.Parse(xml);
        Assert.False(result.Ok);
        Assert.Contains("deep", result.Error, StringComparison.Ordinal);
        Assert.Single(FeedParser.Parse("<rss><channel><item><title>T</title><link>https://a.example/1</link></item></channel></rss>").Items);
    }

    [Theory]
    [InlineData("soldiers?", "soldier")]
    [InlineData("servicem[ae]n", "servicem")]
    [InlineData("service ?members", "service")]
    [InlineData("(?:ceasefire|cease-fire|truce) holds", "ceasefire|cease-fire|truce")]
    [InlineData("(?:signed|reached) (?:a )?deal", "signed|reached")]
    [InlineData("(?:a|b)?c", "")]
    [InlineData("x|y", "")]
    [InlineData("(?i)foo", "")]
    [InlineData("\\bfoo", "")]
    [InlineData("a\\.m", "a")]
    [InlineData("%", "%")]
    [InlineData("kills?", "kill")]
    public void A_lexicon_entry_gives_the_letters_every_match_starts_with(string entry, string expected) =>
        Assert.Equal(expected, string.Join('|', LexiconList.LiteralPrefixes(entry)));

    [Fact]
    public void The_lexicon_gate_never_skips_a_text_its_list_matches()
    {
        var config = TestSupport.Config;
        var texts = Directory.EnumerateFiles(Path.Combine(TestSupport.RepoRoot, "samples", "articles"))
            .SelectMany(p => SentenceSplitter.Split(File.ReadAllText(p)).Select(s => s.Text))
            .Concat(["\u212Ailled", "ſoldiers were \u212Ailled", "civilians", "xcivilians", "a civilian", "the 15%", "_civilians",
                "\u00e9killed and killed", "\u0301killed", "killed killed killed", "killedkilled killed", "soldiers; soldier's", "Killed", "x\u200Dkilled", "a history of hits", "killed\u00e9", "kills_ and killsx", "shelter", "de-escalation and deescalate",
                "killed\u200D", "killed\u200D and", "_killed", "killed_", "(killed)", "killed.", "\u00e9 killed", "KILLED!"])
            .ToList();
        foreach (var (lexicon, name) in new[] { (config.Casualties, "casualties"), (config.Speech, "speech"), (config.Escalation, "escalation"), (config.Ceasefire, "ceasefire"), (config.NeverNews, "never-news") })
        {
            foreach (var list in ExtractionConfig.RequiredLists[name])
            {
                foreach (var text in texts)
                {
                    Assert.Equal(lexicon[list].Regex.IsMatch(text), lexicon[list].IsMatch(text));
                    Assert.Equal(lexicon[list].Regex.Matches(text).Select(m => (m.Index, m.Length)), lexicon[list].Matches(text).Select(m => (m.Index, m.Length)));
                }
            }
        }

        Assert.True(config.Casualties["killedWords"].IsMatch("Three were \u212Ailled"));

        // The combinations the rules ask about first share the lists' gate: they must answer as their own regex does.
        foreach (var combined in new[]
        {
            config.Casualties.Any("killedWords", "woundedWords", "missingWords", "capturedWords", "displacedWords", "casualtyWords"),
            config.Escalation.Any("threatPatterns", "captureVerbs", "attackNouns", "attackVerbs"),
            config.Ceasefire.Any("objects", "inForce"),
        })
        {
            foreach (var text in texts)
            {
                Assert.Equal(combined.Regex.IsMatch(text), combined.IsMatch(text));
                Assert.Equal(combined.Regex.Matches(text).Select(m => (m.Index, m.Length)), combined.Matches(text).Select(m => (m.Index, m.Length)));
            }
        }
    }

    [Theory]
    [InlineData("Heavy shelling and a truce", "shell|artillery", "truce|ceasefire", "kill", 6, 21, -1)]
    [InlineData("the cease-fire held, then shells fell", "shell", "cease-fire|ceasefire", "fell", 26, 4, 33)]
    [InlineData("no match here", "shell", "truce", "kill", -1, -1, -1)]
    [InlineData("Shellfire: SHELLS", "shells", "s", "shellfire", 11, 0, 0)]
    public void One_walk_of_a_shared_gate_answers_for_each_list_as_its_own_gate_would(string text, string a, string b, string c, int firstA, int firstB, int firstC)
    {
        var lists = new[] { a, b, c }.Select(l => l.Split('|')).ToList();
        var shared = new PrefixGate(lists.Select(l => (IEnumerable<string>)l).ToList());
        Assert.Equal(firstA, shared.FirstStart(text, 1));
        Assert.Equal(firstB, shared.FirstStart(text, 2));
        Assert.Equal(firstC, shared.FirstStart(text, 4));
        for (var i = 0; i < lists.Count; i++)
        {
            Assert.Equal(new PrefixGate(lists[i]).FirstStart(text), shared.FirstStart(text, 1UL << i));
        }

        // Several lists at once: the earliest of theirs.
        Assert.Equal(new[] { firstA, firstB, firstC }.Where(f => f >= 0).DefaultIfEmpty(-1).Min(), shared.FirstStart(text, 7));
    }

    [Fact]
    public void A_gate_serves_at_most_sixty_four_lists()
    {
        Assert.Equal(64, new PrefixGate(Enumerable.Range(0, 64).Select(i => (IEnumerable<string>)[$"w{i}"]).ToList()).Lists);
        Assert.Throws<ArgumentException>(() => new PrefixGate(Enumerable.Range(0, 65).Select(i => (IEnumerable<string>)[$"w{i}"]).ToList()));
        Assert.Throws<ArgumentException>(() => new PrefixGate(new List<IEnumerable<string>>()));
    }

    [Theory]
    [InlineData("shell", "Artillery SHELLED the town", 10)]
    [InlineData("shell", "a bombshell report", -1)]
    [InlineData("shell", "x_shell and shell", 12)]
    [InlineData("shell", "9shell", -1)]
    [InlineData("shell", "(shell)", 1)]
    [InlineData("shell", "\u00e9shell", 1)]
    [InlineData("shell|shelling", "shel shell", 5)]
    [InlineData("cease-fire|truce", "a cease fire, then a Truce", 21)]
    [InlineData("%", "up 15% on", 5)]
    [InlineData("'s", "Armenia's army", 7)]
    [InlineData("in 20", "in 2016 and in 2020", 0)]
    [InlineData("kill", "", -1)]
    [InlineData("kill", "kil", -1)]
    public void The_prefix_gate_finds_the_first_word_start_where_a_prefix_begins(string prefixes, string text, int expected) =>
        Assert.Equal(expected, new PrefixGate(prefixes.Split('|')).FirstStart(text));

    [Theory]
    [InlineData("kills?", "kills|kill")]
    [InlineData("(?:ceasefire|truce) holds", "ceasefire holds|truce holds")]
    [InlineData("service ?members", "service members|servicemembers")]
    [InlineData("servicem[ae]n", null)]
    [InlineData("(?:a )?deal", "a deal|deal")]
    [InlineData("x*", null)]
    [InlineData("%", null)]
    public void A_lexicon_entry_made_of_plain_parts_is_spelled_out_whole(string entry, string? expected) =>
        Assert.Equal(expected, LexiconList.WholeSpellings(entry) is { } w ? string.Join('|', w) : null);

    [Theory]
    [InlineData("de-?escalat\\w*", "de-escalat|deescalat")]
    [InlineData("servicem[ae]n", "servicem")]
    [InlineData("(?:signed|reached) (?:a )?\\w+", "signed a |signed |reached a |reached ")]
    public void A_lexicon_entry_is_gated_by_as_much_of_it_as_can_be_spelled(string entry, string expected) =>
        Assert.Equal(expected, string.Join('|', LexiconList.StartSpellings(entry)));

    [Theory]
    [InlineData("hit", "a history of hits", -1)]
    [InlineData("hit", "they hit it", 5)]
    [InlineData("hit", "HIT", 0)]
    [InlineData("hit", "hit\u00e9", 0)]
    [InlineData("hit", "hit_", -1)]
    [InlineData("15%", "15% and 15%x", 8)]
    public void A_whole_entry_counts_only_where_a_word_boundary_follows_it(string entry, string text, int expected) =>
        Assert.Equal(expected, new PrefixGate([entry + PrefixGate.WholeEntry]).FirstStart(text));

    [Theory]
    [InlineData("hit", "they hit it", true)]
    [InlineData("hit", "hit", true)]
    [InlineData("hit", "(HIT)", true)]
    [InlineData("hit", "a history of hits", false)]
    [InlineData("hit", "\u00e9hit", false)]
    [InlineData("hit", "hit\u00e9", false)]
    [InlineData("hit", "hit\u200D", false)]
    [InlineData("hit", "x\u200Dhit", false)]
    [InlineData("15%", "up 15%", false)]
    [InlineData("15%", "15%x", true)]
    public void A_whole_entry_between_certain_word_boundaries_is_a_match_the_regex_need_not_confirm(string entry, string text, bool matched)
    {
        // Certain: the text's ends, or an ASCII character on the other side. A character outside ASCII may be a word
        // character (a letter, a joiner) or not: only the regex can tell.
        var gate = new PrefixGate([entry + PrefixGate.WholeEntry]);
        gate.FirstStart(text, 1, out var seen);
        Assert.Equal(matched, seen);
        if (matched)
        {
            Assert.Matches(new System.Text.RegularExpressions.Regex(@"\b" + entry + @"\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), text);
        }
    }

    [Fact]
    public void A_plain_prefix_is_never_taken_for_a_match()
    {
        var gate = new PrefixGate(["shell"]);
        Assert.Equal(0, gate.FirstStart("shell", 1, out var seen));
        Assert.False(seen);
    }

    [Fact]
    public void A_piece_of_a_walked_text_is_answered_as_if_walked()
    {
        var gate = new PrefixGate(new List<IEnumerable<string>> { new[] { "shell" }, new[] { "truce" } });
        const string sentence = "Shelling went on after the truce, officials said.";
        Assert.Equal(0, gate.FirstStart(sentence, 1));
        foreach (var piece in new[] { sentence[10..], sentence[3..], "elling went", "officials said.", sentence[27..] })
        {
            Assert.Equal(new PrefixGate(["shell"]).FirstStart(piece), gate.FirstStart(piece, 1));
            Assert.Equal(new PrefixGate(["truce"]).FirstStart(piece), gate.FirstStart(piece, 2));
        }
    }

    [Fact]
    public void The_prefix_gate_refuses_a_prefix_it_cannot_compare()
    {
        Assert.Throws<ArgumentException>(() => new PrefixGate(["caf\u00e9"]));
        Assert.Throws<ArgumentException>(() => new PrefixGate([""]));
    }

    [Fact]
    public void Lexicon_lists_answer_alike_from_many_threads_over_the_same_and_different_texts()
    {
        var list = TestSupport.Config.Casualties["killedWords"];
        var texts = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? $"{i} soldiers were killed" : i % 3 == 1 ? $"{i} tanks were seen" : $"x{i}killed").ToList();
        var expected = texts.Select(t => list.Regex.IsMatch(t)).ToList();
        var failures = 0;
        Parallel.For(0, 8, _ =>
        {
            for (var round = 0; round < 50; round++)
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    // The same instance twice in a row, then another one: the word starts kept for the last text must follow.
                    if (list.IsMatch(texts[i]) != expected[i] || list.IsMatch(texts[i]) != expected[i])
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        });

        Assert.Equal(0, failures);
    }
}
