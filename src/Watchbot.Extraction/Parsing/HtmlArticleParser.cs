using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Watchbot.Core.Stores;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Parsing;

/// <summary>HTML pages: the article's main text only (no menus, scripts, styles, footers or asides), with title, author and date from the page's metadata.</summary>
public static class HtmlArticleParser
{
    private static readonly string[] Noise =
    [
        "script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "button", "template", "header nav",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[aria-hidden=true]", ".share", ".social", ".related", ".comments", ".advert", ".ad", ".newsletter", ".menu", ".breadcrumb", ".cookie",
    ];

    /// <summary>More elements open at once than this is not a page but a trap (or a broken generator): refused.</summary>
    public const int MaxOpenElements = 1000;

    /// <summary>Elements that never stay open: void ones, and those the parser closes by itself at the next sibling.</summary>
    private static readonly HashSet<string> NeverNest = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot", "colgroup",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverNestLookup = NeverNest.GetAlternateLookup<ReadOnlySpan<char>>();

    public static ParseOutcome Parse(string html, string origin, string? url, DateOnly readDate)
    {
        // Thousands of unclosed elements make the DOM as deep, and walking it slow (or the stack overflow).
        if (OpenElementDepth(html) > MaxOpenElements)
        {
            return ParseOutcome.Fail($"the HTML page nests more than {MaxOpenElements} elements inside each other (unclosed tags); it is not read");
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.QuerySelector("article h1, main h1, h1")?.TextContent ?? document.Title ?? "";
        var author = Meta(document, "author") ?? Meta(document, "article:author") ?? document.QuerySelector("[rel=author], .byline, .author")?.TextContent;
        var dateText = Meta(document, "article:published_time") ?? Meta(document, "date") ?? Meta(document, "pubdate") ?? Meta(document, "DC.date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime") ?? document.QuerySelector("time")?.TextContent;

        foreach (var selector in Noise)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]") ?? BestContainer(document);
        if (root is null)
        {
            return ParseOutcome.Fail("the HTML page has no article text (no <article>, <main> or paragraphs)");
        }

        var paragraphs = new List<string>();
        foreach (var block in root.QuerySelectorAll("p, h2, h3, h4, li, blockquote, pre"))
        {
            if (block.ParentElement?.Closest("p, li, blockquote") is not null && block.LocalName != "p")
            {
                continue;
            }

            var text = System.Text.RegularExpressions.Regex.Replace(block.TextContent, @"\s+", " ").Trim();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        if (paragraphs.Count == 0)
        {
            var fallback = System.Text.RegularExpressions.Regex.Replace(root.TextContent, @"[ \t]+", " ").Trim();
            if (fallback.Length > 0)
            {
                paragraphs.Add(fallback);
            }
        }

        var totalWords = paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        if (totalWords < 25)
        {
            return ParseOutcome.Fail($"the HTML page has no article text (only {totalWords} words outside menus and scripts)");
        }

        // Drop a repeated title at the top of the body.
        var cleanTitle = TextNormalizer.NormalizeCharacters(System.Text.RegularExpressions.Regex.Replace(title, @"\s+", " ").Trim());
        var normalized = TextNormalizer.Paragraphs(TextNormalizer.NormalizeCharacters(string.Join("\n\n", paragraphs))).ToList();
        if (normalized.Count > 1 && normalized[0].Equals(cleanTitle, StringComparison.OrdinalIgnoreCase))
        {
            normalized.RemoveAt(0);
        }

        DateOnly? published = null;
        if (dateText is not null)
        {
            published = DateOnly.TryParse(dateText.Length >= 10 ? dateText[..10] : dateText, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d
                : DateResolver.ParseAbsolute(dateText, readDate);
        }

        var datelineOnly = false;
        if (published is null && PublicationDate.ReadDateline(normalized[0], readDate) is { } dateline)
        {
            // A dateline without a year is read in the year of reading: kept, but not a date of the article's own.
            (published, datelineOnly) = (dateline.Date, !dateline.HasYear);
        }

        if (published is null && normalized.Count > 0 && PublicationDate.FromDateLine(normalized[^1], readDate) is { } endDate)
        {
            published = endDate;
            normalized.RemoveAt(normalized.Count - 1);
        }

        if (published is null && normalized.Count > 0 && PublicationDate.FromDateLine(normalized[0], readDate) is { } topDate)
        {
            published = topDate;
            normalized.RemoveAt(0);
        }

        var body = string.Join("\n\n", normalized);
        if (cleanTitle.Length == 0)
        {
            cleanTitle = normalized[0].Length > 120 ? normalized[0][..120] + "..." : normalized[0];
        }

        var cleanAuthor = author is null ? null : System.Text.RegularExpressions.Regex.Replace(author, @"^\s*By\s+|\s+", m => m.Value.Trim().Length == 0 ? " " : "").Trim();
        var article = new ArticleDraft(origin, url, cleanTitle, string.IsNullOrWhiteSpace(cleanAuthor) ? null : cleanAuthor, published ?? readDate, published is not null && !datelineOnly, body, ContentHash.Of(body));
        return new ParseOutcome(article, null) { Paragraphs = normalized };
    }

    /// <summary>
    /// The most elements open at once, counted from the tags alone (a cheap upper bound of the DOM's depth): start tags
    /// open, end tags close, void and self-closing elements and comments do not count.
    /// </summary>
    internal static int OpenElementDepth(string html)
    {
        var depth = 0;
        var deepest = 0;
        var nextClose = -1;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' && string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (endComment < 0)
                {
                    break;
                }

                i = html.IndexOf('<', endComment + 3);
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd > nameStart && char.IsAsciiLetter(html[nameStart]))
            {
                var name = html.AsSpan(nameStart, nameEnd - nameStart);
                // The next '>' is looked for again only once passed, so "<a<a<a..." without one stays linear.
                if (nextClose != int.MaxValue && nextClose < nameEnd)
                {
                    nextClose = html.IndexOf('>', nameEnd);
                    nextClose = nextClose < 0 ? int.MaxValue : nextClose;
                }

                var selfClosing = nextClose != int.MaxValue && html[nextClose - 1] == '/';
                if (closing)
                {
                    if (!NeverNestLookup.Contains(name))
                    {
                        depth = Math.Max(0, depth - 1);
                    }
                }
                else if (!selfClosing && !NeverNestLookup.Contains(name))
                {
                    depth++;
                    deepest = Math.Max(deepest, depth);
                }
            }

            i = html.IndexOf('<', i + 1);
        }

        return deepest;
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return content.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>Without &lt;article&gt; or &lt;main&gt;: the element whose direct paragraphs hold the most text.</summary>
    private static IElement? BestContainer(IDocument document)
    {
        IElement? best = null;
        var bestLength = 0;
        foreach (var p in document.QuerySelectorAll("p"))
        {
            var parent = p.ParentElement;
            if (parent is null)
            {
                continue;
            }

            var length = parent.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length);
            if (length > bestLength)
            {
                (best, bestLength) = (parent, length);
            }
        }

        return best ?? document.Body;
    }
}
