using System.Globalization;
using System.Text;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;

using Watchbot.Core.Digests;
namespace Watchbot.Core.Messages;

/// <summary>One event as one line of a digest, an alert or a listing: date, place, what, who says so, sources.</summary>
public static class EventFormatter
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static MessageItem Format(WatchEvent e, TallyBook? tallies = null)
    {
        var text = new StringBuilder();
        text.Append('[').Append(FormatDate(e)).Append("] ");
        if (e.Places.Count > 0)
        {
            text.Append(string.Join(", ", e.Places)).Append(": ");
        }

        // A figure is said once: a summary that already states the event's figures (as extracted ones do) gives way to
        // the figures with their tally changes; any other summary keeps its words and gains only the figures it lacks.
        var unsaid = e.Casualties.Where(c => !Says(e.Summary, c)).ToList();
        var figuresOnly = e.Casualties.Count > 0 && unsaid.Count == 0;
        var parts = figuresOnly ? [] : new List<string> { e.Summary.TrimEnd('.') };
        parts.AddRange((figuresOnly ? e.Casualties : unsaid).Select(c => FormatClaim(c, e, tallies)));
        text.AppendJoin("; ", parts);

        if (e.Stance is { } stance)
        {
            text.Append(" (").Append(StanceLabel(stance)).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(e.ClaimedBy) && !e.Casualties.Any())
        {
            text.Append(", claimed by ").Append(e.ClaimedBy);
        }

        text.Append(" #").Append(e.Id.ToString(Culture));
        var links = new List<MessageLink>();
        var unlinked = new List<string>();
        // Two reports under one headline (a wire story reprinted) are one source to a reader.
        foreach (var source in e.Sources.DistinctBy(s => (s.Title ?? s.File ?? s.Url ?? "").ToLowerInvariant()).Take(3))
        {
            var label = source.Title ?? source.File ?? "source";
            if (source.Url is not null && Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                links.Add(new MessageLink(Shorten(label, 80), uri.AbsoluteUri));
            }
            else
            {
                unlinked.Add(Shorten(label, 80));
            }
        }

        if (unlinked.Count > 0)
        {
            text.Append(" (source: ").Append(string.Join("; ", unlinked)).Append(')');
        }

        return new MessageItem(text.ToString(), links);
    }

    /// <summary>Whether a summary already states this figure: its phrase, or the summary opens with its number.</summary>
    private static bool Says(string summary, CasualtyClaim claim)
    {
        if (summary.Contains(CasualtyWording.Phrase(claim), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var number = claim.Count.ToString("N0", Culture);
        var opening = summary.TrimStart();
        foreach (var word in new[] { "", "at least ", "about ", "more than ", "up to " })
        {
            if (opening.StartsWith(word + number + " ", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string FormatDate(WatchEvent e) =>
        e.DateEnd is { } end && end != e.Date
            ? $"{e.Date.ToString("d MMM", Culture)} to {end.ToString("d MMM yyyy", Culture)}"
            : e.Date.ToString("d MMM yyyy", Culture);

    public static string FormatClaim(CasualtyClaim claim, WatchEvent e, TallyBook? tallies)
    {
        var text = new StringBuilder(CasualtyWording.Phrase(claim));
        if (claim.Cumulative && tallies?.Previous(claim, e.DateEnd ?? e.Date, e.Id) is { } before)
        {
            var change = claim.Count - before.Count;
            text.Append(change >= 0 ? ", +" : ", ").Append(change.ToString("N0", Culture))
                .Append(" since ").Append(before.Date.ToString("d MMM", Culture));
        }

        if (!string.Equals(claim.ClaimedBy, "unknown", StringComparison.OrdinalIgnoreCase))
        {
            text.Append(", per ").Append(claim.ClaimedBy);
            if (claim.ClaimedAboutAdversary)
            {
                text.Append(" (claim about the other side, unconfirmed)");
            }
        }

        return text.ToString();
    }

    public static string StanceLabel(CeasefireStance stance) => stance switch
    {
        CeasefireStance.Call => "call for a ceasefire",
        CeasefireStance.Agreement => "ceasefire agreed",
        CeasefireStance.InForce => "ceasefire in force",
        CeasefireStance.Violation => "ceasefire violation",
        CeasefireStance.Rejection => "ceasefire rejected",
        _ => stance.Name(),
    };

    private static string Shorten(string text, int max) => SafeText.Clip(text, max);
}
