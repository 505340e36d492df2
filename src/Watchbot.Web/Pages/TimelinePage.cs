using System.Globalization;
using System.Text;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Topics;
using static Watchbot.Web.Pages.Html;

namespace Watchbot.Web.Pages;

/// <summary>A topic's page: the filters, the casualty tallies as a chart, and the events by date, newest day first.</summary>
internal static class TimelinePage
{
    public static string Render(Topic topic, TimelineFilter filter, string? problem, IReadOnlyList<WatchEvent> events, IReadOnlyList<TallySeries> tallies,
        TallyBook book, bool truncated, string? signedInAs)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(E(topic.Name)).Append("</h1><p class=\"muted\">").Append(E(topic.Description))
          .Append(" · <a href=\"/topics/").Append(Url(topic.Name)).Append("/feed.atom\">Atom feed</a></p>");
        sb.Append(Filters(topic, filter));
        if (problem is not null)
        {
            sb.Append("<p class=\"notice error\" role=\"alert\">").Append(E(char.ToUpperInvariant(problem[0]) + problem[1..])).Append(".</p>");
        }

        sb.Append("<h2>Casualty tallies over time</h2>").Append(TallyChart.Section(tallies));
        sb.Append("<h2>Timeline</h2>");
        if (problem is null)
        {
            sb.Append("<p class=\"small muted\" id=\"count\">").Append(events.Count.ToString(CultureInfo.InvariantCulture))
              .Append(events.Count == 1 ? " event" : " events").Append(filter.IsEmpty ? "" : events.Count == 1 ? " matches the filters" : " match the filters")
              .Append(truncated ? " (the newest shown; narrow the dates to see older ones)" : "").Append(".</p>");
            foreach (var day in events.GroupBy(e => e.Date).OrderByDescending(g => g.Key))
            {
                sb.Append("<h3 class=\"small muted\">").Append(day.Key.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</h3>");
                foreach (var e in day.OrderByDescending(e => e.Severity).ThenBy(e => e.Id))
                {
                    sb.Append(EventCard.Render(e, book));
                }
            }
        }

        return Page(topic.Name, sb.ToString(), signedInAs,
            $"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{Attr(topic.Name)}\" href=\"/topics/{Url(topic.Name)}/feed.atom\">");
    }

    private static string Filters(Topic topic, TimelineFilter filter)
    {
        var sb = new StringBuilder("<form class=\"filters\" method=\"get\" action=\"/topics/").Append(Url(topic.Name)).Append("\"><fieldset><legend>Kinds</legend>");
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            var on = filter.Kinds.Contains(kind.Name(), StringComparer.OrdinalIgnoreCase);
            sb.Append("<label><input type=\"checkbox\" name=\"kinds\" value=\"").Append(kind.Name()).Append('"').Append(on ? " checked" : "").Append("> ")
              .Append(kind.Name()).Append("</label><br>");
        }

        sb.Append("</fieldset><div><label for=\"place\">Place</label>")
          .Append(Choice("place", filter.Place, topic.Places.Select(p => p.Name)))
          .Append("<label for=\"actor\">Actor</label>")
          .Append(Choice("actor", filter.Actor, topic.Sides.Select(s => s.Name).Concat(topic.Actors.Select(a => a.Name))))
          .Append("</div><div><label for=\"from\">From</label><input type=\"date\" id=\"from\" name=\"from\" value=\"").Append(filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
          .Append("\"><label for=\"to\">To</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").Append(filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
          .Append("\"></div><div><label for=\"severity\">Severity at least</label><select id=\"severity\" name=\"severity\">");
        for (var s = 1; s <= 5; s++)
        {
            sb.Append("<option").Append(s == filter.Severity ? " selected" : "").Append('>').Append(s).Append("</option>");
        }

        return sb.Append("</select><div class=\"actions\"><button type=\"submit\">Filter</button> <a href=\"/topics/").Append(Url(topic.Name))
            .Append("\">Clear</a></div></div></form>").ToString();
    }

    /// <summary>A text box with the topic's names offered (a datalist: any alias typed is still understood).</summary>
    private static string Choice(string name, string value, IEnumerable<string> options)
    {
        var sb = new StringBuilder("<input type=\"text\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" list=\"").Append(name).Append("-names\" value=\"")
            .Append(Attr(value)).Append("\" autocomplete=\"off\"><datalist id=\"").Append(name).Append("-names\">");
        foreach (var option in options.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            sb.Append("<option value=\"").Append(Attr(option)).Append("\">");
        }

        return sb.Append("</datalist>").ToString();
    }
}
