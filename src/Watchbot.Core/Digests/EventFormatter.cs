using System.Globalization;
using System.Text;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;

namespace Watchbot.Core.Digests;

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

        text.Append(e.Summary.TrimEnd('.'));
        foreach (var claim in e.Casualties)
        {
            text.Append("; ").Append(FormatClaim(claim, e, tallies));
        }

        if (e.Kind == EventKind.Ceasefire && e.Stance is { } stance)
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
        foreach (var source in e.Sources.Take(3))
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

    public static string FormatDate(WatchEvent e) =>
        e.DateEnd is { } end && end != e.Date
            ? $"{e.Date.ToString("d MMM", Culture)} to {end.ToString("d MMM yyyy", Culture)}"
            : e.Date.ToString("d MMM yyyy", Culture);

    public static string FormatClaim(CasualtyClaim claim, WatchEvent e, TallyBook? tallies)
    {
        var text = new StringBuilder();
        text.Append(QualifierWord(claim.Qualifier)).Append(claim.Count.ToString("N0", Culture));
        if (claim.CountHigh is { } high && high != claim.Count)
        {
            text.Append(" to ").Append(high.ToString("N0", Culture));
        }

        text.Append(' ').Append(claim.Side).Append(' ');
        if (claim.Population != Population.Unknown)
        {
            text.Append(claim.Population.Name()).Append(' ');
        }

        text.Append(claim.Outcome.Name());
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

    private static string QualifierWord(CountQualifier qualifier) => qualifier switch
    {
        CountQualifier.AtLeast => "at least ",
        CountQualifier.About => "about ",
        CountQualifier.MoreThan => "more than ",
        CountQualifier.UpTo => "up to ",
        _ => "",
    };

    private static string Shorten(string text, int max) => SafeText.Clip(text, max);
}
