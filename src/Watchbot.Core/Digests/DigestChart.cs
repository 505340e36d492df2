using Watchbot.Core.Events;

namespace Watchbot.Core.Digests;

/// <summary>
/// What the daily digest's chart shows: a topic's killed and wounded tallies over the <see cref="Days"/> days up to
/// <paramref name="To"/>, one line per side, population, outcome and claimant (<see cref="TallySeries"/>), and on
/// <paramref name="To"/> the day's change of each line that has a figure that day. Pure data: a renderer at the edge draws it.
/// </summary>
public sealed record DigestChart(string Topic, DateOnly From, DateOnly To, IReadOnlyList<TallySeries> Series)
{
    /// <summary>How many days the chart covers, the last one included.</summary>
    public const int Days = 30;

    /// <summary>Widest and tallest the picture is drawn, in pixels: small enough for a phone, and well inside Telegram's
    /// photo limits (sides sum to at most 10,000, ratio at most 20).</summary>
    public const int Width = 800, Height = 450;

    /// <summary>The chart of <paramref name="topic"/> as of <paramref name="today"/>, or null when there is nothing to
    /// draw: no killed or wounded tally has a figure in the period.</summary>
    public static DigestChart? For(string topic, IEnumerable<WatchEvent> events, DateOnly today)
    {
        var from = today.AddDays(-(Days - 1));
        var series = TallySeries.Of(events, from, today)
            .Where(s => s.Key.Outcome is CasualtyOutcome.Killed or CasualtyOutcome.Wounded)
            .ToList();
        return series.Count == 0 ? null : new DigestChart(topic, from, today, series);
    }

    /// <summary>The chart in words, for a screen reader (alt text) and for a platform that shows no picture.</summary>
    public string Description
    {
        get
        {
            var today = Series.Where(s => s.FigureOn(To) is not null)
                .Select(s => s.ChangeOn(To) is { } change ? $"{(change >= 0 ? "+" : "")}{change:N0} {s.Label}" : $"{s.FigureOn(To):N0} {s.Label} (first figure)")
                .ToList();
            var text = $"{char.ToUpperInvariant(Topic[0])}{Topic[1..]}: killed and wounded as claimed, {From:d MMM} to {To:d MMM yyyy}, {Series.Count} {(Series.Count == 1 ? "tally" : "tallies")}";
            return today.Count == 0 ? text + "." : text + "; on the last day " + string.Join("; ", today) + ".";
        }
    }
}
