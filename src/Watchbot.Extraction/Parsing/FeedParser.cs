using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Watchbot.Extraction.Parsing;

/// <summary>One entry of an RSS or Atom feed.</summary>
public sealed record FeedItem(string Link, string Title, DateTimeOffset? Published);

/// <summary>The items of a feed, or the reason it could not be read.</summary>
public sealed record FeedResult(IReadOnlyList<FeedItem> Items, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>RSS 2.0 and Atom feeds: XML text in, (link, title, date) items out.</summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Feeds are a few levels deep; far deeper nesting is refused (the XML reader slows down with depth).</summary>
    public const int MaxDepth = 100;

    public static FeedResult Parse(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return new FeedResult([], "the feed is empty");
        }

        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 20_000_000 };
            var trimmed = xml.TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
            using (var probe = XmlReader.Create(new StringReader(trimmed), settings))
            {
                while (probe.Read())
                {
                    if (probe.Depth > MaxDepth)
                    {
                        return new FeedResult([], $"the feed nests elements more than {MaxDepth} deep; it is not read");
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(trimmed), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            var head = xml.TrimStart();
            var hint = head.StartsWith('<') && head.Contains("<html", StringComparison.OrdinalIgnoreCase) ? " (it looks like an HTML page, not a feed)" : "";
            return new FeedResult([], $"the feed is not XML{hint}: {e.Message}");
        }

        var root = doc.Root!;
        var items = new List<FeedItem>();
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF")
        {
            foreach (var item in root.Descendants().Where(e => e.Name.LocalName == "item"))
            {
                var link = Child(item, "link") ?? Child(item, "guid");
                if (string.IsNullOrWhiteSpace(link))
                {
                    continue;
                }

                items.Add(new FeedItem(link.Trim(), (Child(item, "title") ?? "").Trim(), ParseDate(Child(item, "pubDate") ?? Child(item, "date"))));
            }

            return new FeedResult(items, null);
        }

        if (root.Name == Atom + "feed" || root.Name.LocalName == "feed")
        {
            foreach (var entry in root.Elements().Where(e => e.Name.LocalName == "entry"))
            {
                var links = entry.Elements().Where(e => e.Name.LocalName == "link").ToList();
                var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value
                    ?? links.FirstOrDefault()?.Attribute("href")?.Value;
                if (string.IsNullOrWhiteSpace(link))
                {
                    continue;
                }

                items.Add(new FeedItem(link.Trim(), (Child(entry, "title") ?? "").Trim(), ParseDate(Child(entry, "published") ?? Child(entry, "updated"))));
            }

            return new FeedResult(items, null);
        }

        return new FeedResult([], $"the XML is not an RSS or Atom feed (its root element is <{root.Name.LocalName}>)");
    }

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
        {
            return d;
        }

        // RFC 822 with a zone name: "Tue, 06 Oct 2020 10:00:00 GMT" / "EST".
        var parts = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 5 && DateTimeOffset.TryParse(string.Join(' ', parts[..^1]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d))
        {
            return d;
        }

        return null;
    }
}
