using System.Globalization;
using System.Text;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using static Watchbot.Web.Pages.Html;

using Watchbot.Core.Messages;
namespace Watchbot.Web.Pages;

/// <summary>One event as the timeline, the permalink and the review queue show it: kind, date, places, actors, who
/// claims it, its figures in plain words, and every source with its link and sentence.</summary>
internal static class EventCard
{
    public static string Render(WatchEvent e, TallyBook? tallies, bool headingLinks = true)
    {
        var sb = new StringBuilder();
        sb.Append("<article class=\"event\" id=\"event-").Append(e.Id).Append("\"><h3>");
        if (headingLinks)
        {
            sb.Append("<a href=\"/events/").Append(e.Id).Append("\">#").Append(e.Id).Append("</a> ");
        }
        else
        {
            sb.Append('#').Append(e.Id).Append(' ');
        }

        sb.Append(E(e.Summary)).Append("</h3><div class=\"tags\">")
          .Append("<span class=\"tag k-").Append(e.Kind.Name()).Append("\">").Append(e.Kind.Name()).Append("</span>")
          .Append("<span class=\"tag\">").Append(E(EventFormatter.FormatDate(e))).Append("</span>")
          .Append("<span class=\"tag\">severity ").Append(e.Severity).Append("</span>");
        if (e.Status != EventStatus.Published)
        {
            sb.Append("<span class=\"tag\">").Append(e.Status.Name()).Append("</span>");
        }

        sb.Append("</div>");
        if (e.Places.Count > 0)
        {
            sb.Append("<div class=\"small\"><b>Places:</b> ").Append(E(string.Join(", ", e.Places))).Append("</div>");
        }

        if (e.Actors.Count > 0)
        {
            sb.Append("<div class=\"small\"><b>Actors:</b> ").Append(E(string.Join(", ", e.Actors))).Append("</div>");
        }

        if (e.Stance is { } stance)
        {
            sb.Append("<div class=\"small\"><b>Stance:</b> ").Append(E(EventFormatter.StanceLabel(stance))).Append("</div>");
        }

        var claimants = e.Casualties.Select(c => c.ClaimedBy).Append(e.ClaimedBy)
            .Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        sb.Append("<div class=\"small\"><b>Claimed by:</b> ").Append(E(claimants.Count == 0 ? "not said" : string.Join(", ", claimants))).Append("</div>");
        if (e.Casualties.Count > 0)
        {
            sb.Append("<ul class=\"small\">");
            foreach (var claim in e.Casualties)
            {
                sb.Append("<li>").Append(E(EventFormatter.FormatClaim(claim, e, tallies))).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append(Sources(e)).Append("</article>");
        return sb.ToString();
    }

    public static string Sources(WatchEvent e)
    {
        if (e.Sources.Count == 0)
        {
            return "<div class=\"small muted\">Entered by hand.</div>";
        }

        var sb = new StringBuilder("<ul class=\"sources small\">");
        foreach (var s in e.Sources)
        {
            var name = s.Title ?? s.File ?? "source";
            sb.Append("<li>");
            if (s.Url is not null && Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                sb.Append("<a rel=\"noopener nofollow\" href=\"").Append(Attr(uri.AbsoluteUri)).Append("\">").Append(E(name)).Append("</a>");
            }
            else
            {
                sb.Append(E(name));
            }

            if (s.Published is { } published)
            {
                sb.Append(" <span class=\"muted\">(").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(")</span>");
            }

            if (!string.IsNullOrWhiteSpace(s.Sentence))
            {
                sb.Append("<blockquote>").Append(E(s.Sentence)).Append("</blockquote>");
            }

            sb.Append("</li>");
        }

        return sb.Append("</ul>").ToString();
    }
}
