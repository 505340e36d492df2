using System.Globalization;
using System.Text;
using System.Xml;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Topics;

using Watchbot.Core.Messages;
namespace Watchbot.Web.Pages;

/// <summary>A topic's published events as an Atom 1.0 feed, newest change first, each entry linking to its permalink.</summary>
public static class AtomFeed
{
    public static string Render(Topic topic, IReadOnlyList<WatchEvent> events, string baseUrl, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteElementString("title", $"Watchbot: {topic.Name}");
            w.WriteElementString("subtitle", topic.Description);
            w.WriteElementString("id", $"{baseUrl}/topics/{Uri.EscapeDataString(topic.Name)}");
            w.WriteElementString("updated", Stamp(events.Count > 0 ? events.Max(e => e.ChangedAt) : now));
            Link(w, "self", $"{baseUrl}/topics/{Uri.EscapeDataString(topic.Name)}/feed.atom");
            Link(w, "alternate", $"{baseUrl}/topics/{Uri.EscapeDataString(topic.Name)}");
            w.WriteStartElement("author");
            w.WriteElementString("name", "Watchbot");
            w.WriteEndElement();
            foreach (var e in events)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("id", $"{baseUrl}/events/{e.Id}");
                w.WriteElementString("title", $"{e.Kind.Name()}: {e.Summary}");
                w.WriteElementString("updated", Stamp(e.ChangedAt));
                w.WriteElementString("published", Stamp(e.CreatedAt));
                Link(w, "alternate", $"{baseUrl}/events/{e.Id}");
                w.WriteStartElement("category");
                w.WriteAttributeString("term", e.Kind.Name());
                w.WriteEndElement();
                w.WriteStartElement("content");
                w.WriteAttributeString("type", "text");
                w.WriteString(Content(e));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static string Content(WatchEvent e)
    {
        var lines = new List<string> { $"{EventFormatter.FormatDate(e)}, {e.Kind.Name()}, severity {e.Severity}" };
        if (e.Places.Count > 0)
        {
            lines.Add("Places: " + string.Join(", ", e.Places));
        }

        if (e.Actors.Count > 0)
        {
            lines.Add("Actors: " + string.Join(", ", e.Actors));
        }

        lines.AddRange(e.Casualties.Select(c => EventFormatter.FormatClaim(c, e, null)));
        lines.AddRange(e.Sources.Select(s => $"{s.Title ?? s.File ?? "source"}{(s.Url is null ? "" : $" <{s.Url}>")}: \"{s.Sentence}\""));
        return string.Join("\n", lines);
    }

    private static void Link(XmlWriter w, string rel, string href)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
