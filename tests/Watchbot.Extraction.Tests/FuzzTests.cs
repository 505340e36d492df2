using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Watchbot.Extraction.Parsing;
using Xunit.Abstractions;

namespace Watchbot.Extraction.Tests;

/// <summary>
/// Seeded fuzzing of the article parser, the extractor and the feed parser: random bytes, invalid UTF-8, lone
/// surrogates, digits from other scripts, truncated and mutated articles, huge single lines, thousands of unclosed HTML
/// tags, broken RSS and Atom. Nothing may throw, nothing may run long, every refused input comes with a reason, and the
/// good articles fed in between give exactly what they give alone. A short run by default; a long one with
/// WATCHBOT_FUZZ_ARTICLES, WATCHBOT_FUZZ_FEEDS and WATCHBOT_FUZZ_SEED.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly DateOnly ReadOn = new(2020, 12, 31);

    /// <summary>Far above what any input takes; an input over it is a hang (a quadratic path), not slowness.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : fallback;

    private static IReadOnlyList<(string Name, byte[] Bytes)> GoodArticles() =>
        Directory.EnumerateFiles(Path.Combine(TestSupport.RepoRoot, "samples", "articles"))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();

    /// <summary>Everything an article gives, as text, to compare runs.</summary>
    private static string Fingerprint(string name, byte[] bytes)
    {
        var parsed = ArticleParser.ParseBytes(bytes, name, null, ReadOn);
        if (!parsed.Ok)
        {
            return "refused: " + parsed.Error;
        }

        var events = TestSupport.Extractor.Extract(parsed.Article!, name, TestSupport.Topics);
        return JsonSerializer.Serialize(parsed.Article) + "\n" + JsonSerializer.Serialize(events);
    }

    [Fact]
    public async Task Random_and_broken_articles_never_crash_or_hang_and_leave_good_articles_unchanged()
    {
        var count = Setting("WATCHBOT_FUZZ_ARTICLES", 250);
        var seed = Setting("WATCHBOT_FUZZ_SEED", 20201004);
        var random = new Random(seed);
        var good = GoodArticles();
        var expected = good.ToDictionary(g => g.Name, g => Fingerprint(g.Name, g.Bytes));
        var failures = new List<string>();
        var refused = 0;
        var kinds = new Dictionary<string, int>();
        var slowest = (Kind: "", Time: TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (kind, name, bytes, text) = FuzzInputs.Article(random, good);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var started = Stopwatch.GetTimestamp();
            var run = Task.Run(() =>
            {
                var parsed = text is null ? ArticleParser.ParseBytes(bytes, name, null, ReadOn) : ArticleParser.Parse(text, name, null, ReadOn);
                if (!parsed.Ok)
                {
                    return parsed.Error;
                }

                // The paragraphs handed on with the article are the ones cutting its body gives.
                if (!parsed.Paragraphs!.SequenceEqual(ArticleParserTests.CutBody(parsed.Article!.Body)))
                {
                    return "";
                }

                _ = TestSupport.Extractor.Extract(parsed.Article!, name, TestSupport.Topics, paragraphs: parsed.Paragraphs);
                return null;
            });
            try
            {
                if (await run.WaitAsync(PerInput) is { } error)
                {
                    refused++;
                    if (string.IsNullOrWhiteSpace(error))
                    {
                        failures.Add($"#{i} {kind}: refused without a reason");
                    }
                }
            }
            catch (TimeoutException)
            {
                failures.Add($"#{i} {kind}: still running after {PerInput.TotalSeconds} s");
                continue;
            }
            catch (Exception e)
            {
                failures.Add($"#{i} {kind}: {e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Watchbot", StringComparison.Ordinal))?.Trim()}");
            }

            var took = Stopwatch.GetElapsedTime(started);
            if (took > slowest.Time)
            {
                slowest = (kind, took);
            }

            // A good article between the bad ones gives exactly what it gives alone.
            if (i % 25 == 0)
            {
                var (goodName, goodBytes) = good[random.Next(good.Count)];
                if (Fingerprint(goodName, goodBytes) != expected[goodName])
                {
                    failures.Add($"#{i}: the good article {goodName} gave a different result in the middle of the run");
                }
            }
        }

        output.WriteLine($"seed {seed}: {count} articles in {clock.Elapsed.TotalSeconds:0.0} s, {refused} refused with a reason, slowest {slowest.Kind} {slowest.Time.TotalMilliseconds:0} ms");
        output.WriteLine(string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task Random_and_broken_feeds_never_crash_and_each_bad_one_has_a_reason()
    {
        var count = Setting("WATCHBOT_FUZZ_FEEDS", 300);
        var seed = Setting("WATCHBOT_FUZZ_SEED", 20201004);
        var random = new Random(seed + 1);
        var failures = new List<string>();
        var refused = 0;
        var kinds = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (kind, xml) = FuzzInputs.Feed(random);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var run = Task.Run(() => FeedParser.Parse(xml));
            try
            {
                var result = await run.WaitAsync(PerInput);
                if (!result.Ok)
                {
                    refused++;
                    if (string.IsNullOrWhiteSpace(result.Error))
                    {
                        failures.Add($"#{i} {kind}: refused without a reason");
                    }
                }
                else if (result.Items.Any(item => string.IsNullOrWhiteSpace(item.Link)))
                {
                    failures.Add($"#{i} {kind}: an item without a link was kept");
                }
            }
            catch (TimeoutException)
            {
                failures.Add($"#{i} {kind}: still running after {PerInput.TotalSeconds} s");
                continue;
            }
            catch (Exception e)
            {
                failures.Add($"#{i} {kind}: {e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Watchbot", StringComparison.Ordinal))?.Trim()}");
            }
        }

        // The well-formed feed still reads whole after all of that.
        Assert.Equal(3, FeedParser.Parse(FuzzInputs.ValidRss(3)).Items.Count);
        output.WriteLine($"seed {seed}: {count} feeds in {clock.Elapsed.TotalSeconds:0.0} s, {refused} refused with a reason");
        output.WriteLine(string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
    }
}

/// <summary>How big the huge inputs get: up to 150 KB in the short run, up to 2 MB when WATCHBOT_FUZZ_HUGE=1.</summary>
internal static class FuzzScale
{
    public static readonly int MaxSize = Environment.GetEnvironmentVariable("WATCHBOT_FUZZ_HUGE") == "1" ? 2_000_000 : 150_000;
}

/// <summary>The generators: each returns what kind of input it made, so a failure names it.</summary>
internal static class FuzzInputs
{
    private static readonly string[] Words =
    [
        "the", "army", "said", "shelling", "of", "Stepanakert", "killed", "three", "civilians", "on", "Tuesday", "ceasefire", "Azerbaijan",
        "Armenia", "at", "least", "12", "1,200", "wounded", "Ganja", "U.S.", "Gen.", "Oct.", "5", "2020-10-05", "\"", "(", ")", ",", ".", ";",
        "displaced", "yesterday", "since", "the", "fighting", "began", "dozens", "of", "soldiers", "accused", "truce", "violated", "-", "officials",
    ];

    public static (string Kind, string Name, byte[] Bytes, string? Text) Article(Random random, IReadOnlyList<(string Name, byte[] Bytes)> good)
    {
        var (baseName, baseBytes) = good[random.Next(good.Count)];
        var baseText = Encoding.UTF8.GetString(baseBytes);
        switch (random.Next(12))
        {
            case 0:
            {
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                return ("random bytes", "random.txt", bytes, null);
            }

            case 1:
            {
                // Valid text with bytes that are never UTF-8, or a sequence cut in half.
                var bytes = baseBytes.ToList();
                for (var k = random.Next(1, 5); k > 0; k--)
                {
                    bytes.Insert(random.Next(bytes.Count), (byte)random.Next(0x80, 0x100));
                }

                return ("invalid UTF-8", baseName, [.. bytes], null);
            }

            case 2:
            {
                // A lone surrogate, high or low, dropped into the text (only a string can carry one).
                var sb = new StringBuilder(baseText);
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    sb.Insert(random.Next(sb.Length), (char)random.Next(0xD800, 0xE000));
                }

                return ("lone surrogates", baseName, [], sb.ToString());
            }

            case 3:
            {
                // Digits of another script: Arabic-Indic, Eastern Arabic, Devanagari, fullwidth, mathematical bold.
                int[] zeros = [0x0660, 0x06F0, 0x0966, 0xFF10, 0x09E6];
                var zero = zeros[random.Next(zeros.Length)];
                var mixed = random.Next(2) == 0;
                var sb = new StringBuilder();
                foreach (var c in baseText)
                {
                    sb.Append(char.IsAsciiDigit(c) && (!mixed || random.Next(2) == 0) ? (char)(zero + c - '0') : c);
                }

                sb.Append(CultureInfo.InvariantCulture, $"\n\nOn 2٠2٠-1٠-٠5 some {(char)zero}{(char)(zero + 7)}-{(char)(zero + 9)} soldiers were killed, and 5{(char)(zero + 3)} wounded in 19{(char)(zero + 9)}4.");
                return ("non-ASCII digits", baseName, Encoding.UTF8.GetBytes(sb.ToString()), null);
            }

            case 4:
                return ("truncated", baseName, baseBytes[..random.Next(1, baseBytes.Length)], null);

            case 5:
            {
                // One huge line: words without a paragraph break, sometimes without a sentence end.
                var sb = new StringBuilder("A very long report\n\n");
                var target = random.Next(20_000, FuzzScale.MaxSize);
                var stops = random.Next(2) == 0;
                while (sb.Length < target)
                {
                    var w = Words[random.Next(Words.Length)];
                    sb.Append(stops || w != "." ? w : ",").Append(' ');
                }

                return ("huge line", "huge.txt", Encoding.UTF8.GetBytes(sb.ToString()), null);
            }

            case 6:
            {
                // Repetitive huge lines that hurt backtracking and back-scanning: dots, brackets, quotes, underscores, digits.
                string[] units = ["a.", "[", "](", "\"", "_a", "*", "1,", "U.S.", "\\[", "![", "<https://", "-", "\n\n", " since", "'"];
                var unit = units[random.Next(units.Length)];
                var sb = new StringBuilder("Repeated\n\n");
                var target = random.Next(20_000, FuzzScale.MaxSize);
                while (sb.Length < target)
                {
                    sb.Append(unit);
                }

                return ("repeated pattern " + unit.Replace("\n", "\\n", StringComparison.Ordinal), random.Next(2) == 0 ? "rep.md" : "rep.txt", Encoding.UTF8.GetBytes(sb.ToString()), null);
            }

            case 7:
            {
                // Thousands of unclosed (or nested) tags around a real article.
                string[] tags = ["div", "span", "b", "section", "p", "li", "table", "font", "i", "a"];
                var tag = tags[random.Next(tags.Length)];
                var depth = random.Next(500, 5_000);
                var close = random.Next(3) == 0;
                var sb = new StringBuilder("<html><head><title>Deep page</title></head><body><article>");
                for (var k = 0; k < depth; k++)
                {
                    sb.Append('<').Append(tag).Append('>');
                }

                foreach (var p in baseText.Split("\n\n"))
                {
                    sb.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(p)).Append("</p>");
                }

                for (var k = 0; close && k < depth; k++)
                {
                    sb.Append("</").Append(tag).Append('>');
                }

                return ($"nested <{tag}> x{(depth >= 1000 ? "1000+" : "<1000")}", "deep.html", Encoding.UTF8.GetBytes(sb.ToString()), null);
            }

            case 8:
            {
                // Broken HTML: a real article cut into tags at random places, stray '<', unterminated comments and attributes.
                string[] junk = ["<", "</", "<!--", "<div class=\"", "<script>", "</p", "<p", "&", "&#x", "&#99999999;", "<![CDATA[", "<svg><p>", "<table><td>"];
                var sb = new StringBuilder("<!DOCTYPE html><html><body>");
                foreach (var p in baseText.Split("\n\n"))
                {
                    sb.Append("<p>").Append(p);
                    if (random.Next(3) == 0)
                    {
                        sb.Append(junk[random.Next(junk.Length)]);
                    }
                }

                return ("broken HTML", "broken.html", Encoding.UTF8.GetBytes(sb.ToString()[..random.Next(10, sb.Length + 1)]), null);
            }

            case 9:
            {
                // Control characters, odd spaces, BOMs and zero-width characters sprinkled into the text.
                char[] odd = ['\u0001', '\u001B', '\u007F', '\u0085', '\u00A0', '\u2028', '\u2029', '\uFEFF', '\u200B', '\u200D', '\r', '\t', '\u0000', '\uFFFD', '\u202E', '\u212A', '\u017F', '\u0130'];
                var sb = new StringBuilder(baseText);
                for (var k = random.Next(1, 40); k > 0; k--)
                {
                    sb.Insert(random.Next(sb.Length), odd[random.Next(odd.Length)]);
                }

                return ("odd characters", baseName, [], sb.ToString());
            }

            case 10:
            {
                // A real article mutated: chunks deleted, duplicated or swapped, characters flipped.
                var sb = new StringBuilder(baseText);
                for (var k = random.Next(1, 30); k > 0 && sb.Length > 2; k--)
                {
                    var at = random.Next(sb.Length);
                    var len = Math.Min(random.Next(1, 200), sb.Length - at);
                    switch (random.Next(4))
                    {
                        case 0:
                            sb.Remove(at, len);
                            break;
                        case 1:
                            sb.Insert(random.Next(sb.Length), sb.ToString(at, len));
                            break;
                        case 2:
                            sb[at] = (char)random.Next(32, 127);
                            break;
                        default:
                            sb.Insert(at, Words[random.Next(Words.Length)] + " ");
                            break;
                    }
                }

                return ("mutated article", random.Next(3) switch { 0 => "m.md", 1 => "m.html", _ => "m.txt" }, Encoding.UTF8.GetBytes(sb.ToString()), null);
            }

            default:
            {
                // Sizes at the edges: empty, whitespace only, one character, just over the limit.
                return random.Next(5) switch
                {
                    0 => ("empty", "empty.txt", [], null),
                    1 => ("whitespace only", "blank.txt", Encoding.UTF8.GetBytes(new string(' ', random.Next(1, 5000)) + "\n\n\t"), null),
                    2 => ("one character", "one.txt", [(byte)random.Next(33, 127)], null),
                    3 => ("over the size limit", "big.txt", new byte[ArticleParser.MaxBytes + 1].Select(_ => (byte)'a').ToArray(), null),
                    _ => ("just a title", "title.md", Encoding.UTF8.GetBytes("# " + string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => Words[random.Next(Words.Length)]))), null),
                };
            }
        }
    }

    public static string ValidRss(int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>Report {i}</title><link>https://news.example/{i}</link><pubDate>Tue, 06 Oct 2020 10:00:00 GMT</pubDate></item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }

    private static string ValidAtom(int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>News</title>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<entry><title>Report {i}</title><link href=\"https://news.example/{i}\"/><updated>2020-10-06T10:00:00Z</updated></entry>");
        }

        return sb.Append("</feed>").ToString();
    }

    public static (string Kind, string Xml) Feed(Random random)
    {
        var valid = random.Next(2) == 0 ? ValidRss(random.Next(0, 20)) : ValidAtom(random.Next(0, 20));
        switch (random.Next(9))
        {
            case 0:
                return ("truncated feed", valid[..random.Next(0, valid.Length)]);
            case 1:
            {
                var chars = new char[random.Next(0, 3000)];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)random.Next(0, 0x10000);
                }

                return ("random characters", new string(chars));
            }

            case 2:
                return ("entity expansion", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss><channel><item><title>&c;</title><link>x</link></item></channel></rss>");
            case 3:
            {
                var depth = random.Next(200, 20_000);
                return ("deeply nested XML", "<rss>" + string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth)) + "</rss>");
            }

            case 4:
                return ("HTML instead of a feed", "<!DOCTYPE html><html><body><p>Not a feed</p></body></html>");
            case 5:
            {
                // Characters flipped in a valid feed.
                var chars = valid.ToCharArray();
                for (var k = random.Next(1, 20); k > 0 && chars.Length > 0; k--)
                {
                    chars[random.Next(chars.Length)] = "<>&\"'/=x\u0000\uD800"[random.Next(10)];
                }

                return ("mutated feed", new string(chars));
            }

            case 6:
                return ("odd elements", random.Next(4) switch
                {
                    0 => "<rss><channel><item><link></link><title/></item><item/></channel></rss>",
                    1 => "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link rel=\"self\"/><link/></entry><entry><updated>not a date</updated></entry></feed>",
                    2 => "<rss><channel><item><link> https://a.example/1 </link><pubDate>32 Foo 99999 25:61:61 XYZ</pubDate></item></channel></rss>",
                    _ => "<?xml version=\"1.0\" encoding=\"ebcdic\"?><rss/>",
                });
            case 7:
                return ("huge feed", ValidRss(random.Next(1_000, 4_000)));
            default:
                return ("valid feed", valid);
        }
    }
}
