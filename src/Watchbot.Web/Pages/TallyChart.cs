using System.Globalization;
using System.Text;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using static Watchbot.Web.Pages.Html;

namespace Watchbot.Web.Pages;

/// <summary>
/// The casualty tallies of a topic over time, drawn server-side as an inline SVG (no script): one line per side,
/// population, outcome and claimant, from the published cumulative figures (the same ones the digest's running totals
/// are read from), with a table of the same numbers for screen readers and small screens.
/// </summary>
public static class TallyChart
{
    private static readonly string[] Palette = ["#c0392b", "#1f6fb2", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b8860b"];

    /// <summary>The tallies to draw: <see cref="TallySeries.Of"/>, shared with the digest's chart.</summary>
    public static IReadOnlyList<TallySeries> Series(IEnumerable<WatchEvent> events, DateOnly? from = null, DateOnly? to = null) =>
        TallySeries.Of(events, from, to);

    public static string Svg(IReadOnlyList<TallySeries> series)
    {
        const int width = 640, height = 280, left = 52, right = 12, top = 12, bottom = 34;
        var points = series.SelectMany(s => s.Points).ToList();
        var first = points.Min(p => p.Date).DayNumber;
        var last = points.Max(p => p.Date).DayNumber;
        if (last == first)
        {
            first -= 1;
            last += 1;
        }

        var max = NiceCeiling(points.Max(p => p.Count));
        double X(DateOnly d) => left + (double)(d.DayNumber - first) / (last - first) * (width - left - right);
        double Y(int count) => top + (1 - (double)count / max) * (height - top - bottom);
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
          .Append("\" role=\"img\" aria-label=\"Casualty tallies over time\" font-family=\"system-ui,sans-serif\" font-size=\"13\">");
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4;
            var y = Y(value);
            sb.Append("<line x1=\"").Append(left).Append("\" x2=\"").Append(width - right).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y))
              .Append("\" stroke=\"#e3e6ec\"/><text x=\"").Append(left - 6).Append("\" y=\"").Append(N(y + 4)).Append("\" text-anchor=\"end\" fill=\"#5b6476\">")
              .Append(value.ToString("N0", CultureInfo.InvariantCulture)).Append("</text>");
        }

        foreach (var (day, anchor) in new[] { (first, "start"), ((first + last) / 2, "middle"), (last, "end") })
        {
            var d = DateOnly.FromDayNumber(day);
            sb.Append("<text x=\"").Append(N(X(d))).Append("\" y=\"").Append(height - 12).Append("\" text-anchor=\"").Append(anchor).Append("\" fill=\"#5b6476\">")
              .Append(d.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("</text>");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var dash = i >= Palette.Length ? " stroke-dasharray=\"5 3\"" : "";
            var s = series[i];
            sb.Append("<g><title>").Append(E(s.Label)).Append("</title><polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"2\"").Append(dash)
              .Append(" points=\"").AppendJoin(' ', s.Points.Select(p => N(X(p.Date)) + "," + N(Y(p.Count)))).Append("\"/>");
            foreach (var p in s.Points)
            {
                sb.Append("<circle cx=\"").Append(N(X(p.Date))).Append("\" cy=\"").Append(N(Y(p.Count))).Append("\" r=\"3\" fill=\"").Append(color).Append("\"><title>")
                  .Append(E($"{s.Label}: {p.Count:N0} on {p.Date:yyyy-MM-dd} (event #{p.EventId})")).Append("</title></circle>");
            }

            sb.Append("</g>");
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>The charts, their legends and the table of the same figures; a sentence when there is nothing to draw. The
    /// displaced (often tens of thousands) get a chart of their own, so they do not flatten the dead and wounded.</summary>
    public static string Section(IReadOnlyList<TallySeries> series)
    {
        if (series.Count == 0)
        {
            return "<p class=\"muted\">No running casualty tallies in this period: no published event carries a cumulative figure.</p>";
        }

        var harmed = series.Where(s => s.Key.Outcome != CasualtyOutcome.Displaced).ToList();
        var displaced = series.Where(s => s.Key.Outcome == CasualtyOutcome.Displaced).ToList();
        var sb = new StringBuilder();
        if (harmed.Count > 0)
        {
            sb.Append(Figure(harmed, displaced.Count > 0 ? "Killed, wounded, missing and captured" : null));
        }

        if (displaced.Count > 0)
        {
            sb.Append(Figure(displaced, harmed.Count > 0 ? "Displaced" : null));
        }

        sb.Append("<details><summary>The figures as a table</summary><table><tr><th>Tally</th><th>Date</th><th>Figure</th><th>Event</th></tr>");
        foreach (var s in series)
        {
            foreach (var p in s.Points)
            {
                sb.Append("<tr><td>").Append(E(s.Label)).Append("</td><td>").Append(p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                  .Append("</td><td>").Append(p.Count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td><a href=\"/events/").Append(p.EventId).Append("\">#")
                  .Append(p.EventId).Append("</a></td></tr>");
            }
        }

        return sb.Append("</table></details>").ToString();
    }

    private static string Figure(IReadOnlyList<TallySeries> series, string? title)
    {
        var sb = new StringBuilder("<figure class=\"chart\">");
        if (title is not null)
        {
            sb.Append("<div class=\"small\"><b>").Append(E(title)).Append("</b></div>");
        }

        sb.Append(Svg(series)).Append("<figcaption class=\"small\"><ul>");
        for (var i = 0; i < series.Count; i++)
        {
            sb.Append("<li><span style=\"color:").Append(Palette[i % Palette.Length]).Append("\">&#9632;</span> ").Append(E(series[i].Label)).Append("</li>");
        }

        return sb.Append("</ul></figcaption></figure>").ToString();
    }

    private static int NiceCeiling(int value)
    {
        if (value <= 4)
        {
            return 4;
        }

        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 4, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
