using System.Globalization;
using Watchbot.Core.Events;

namespace Watchbot.Core.Commands.Admin;

/// <summary>field=value edits of an event, checked one by one: summary, kind, date, severity, places, actors, topics, stance, claimedby.</summary>
public static class EventFields
{
    public static (WatchEvent? Event, string? Problem) Apply(WatchEvent e, IEnumerable<string> assignments)
    {
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return (null, $"'{TargetSubscriptions.Clip(assignment)}' is not field=value");
            }

            var value = assignment[(eq + 1)..].Trim();
            var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            switch (assignment[..eq].ToLowerInvariant())
            {
                case "summary" when value.Length is > 0 and <= 1000:
                    e = e with { Summary = value };
                    break;
                case "kind" when EventNames.TryParse<EventKind>(value, out var kind):
                    e = e with { Kind = kind };
                    break;
                case "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    e = e with { Date = date, DateEnd = e.DateEnd is { } end && end < date ? null : e.DateEnd };
                    break;
                case "severity" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var severity) && severity is >= 1 and <= 5:
                    e = e with { Severity = severity };
                    break;
                case "severity":
                    return (null, $"severity {TargetSubscriptions.Clip(value)} is out of range; severity is a number from 1 (minor) to 5 (grave)");
                case "date":
                    return (null, $"date '{TargetSubscriptions.Clip(value)}' is not a date; write it as yyyy-MM-dd, such as 2020-10-04");
                case "kind":
                    return (null, $"kind '{TargetSubscriptions.Clip(value)}' is not a kind; use {EventKinds.NamesText}");
                case "places":
                    e = e with { Places = list };
                    break;
                case "actors":
                    e = e with { Actors = list };
                    break;
                case "topics" when list.Count > 0 && list.All(Topics.TopicNames.IsValid):
                    e = e with { Topics = list };
                    break;
                case "stance" when value.Length == 0 || EventNames.TryParse<CeasefireStance>(value, out _):
                    e = e with { Stance = value.Length == 0 ? null : EventNames.Parse<CeasefireStance>(value) };
                    break;
                case "claimedby":
                    e = e with { ClaimedBy = value.Length == 0 ? null : value };
                    break;
                default:
                    return (null, $"'{TargetSubscriptions.Clip(assignment)}' is not a field I can set; use summary, kind, date (yyyy-MM-dd), severity (1-5), places, actors, topics, stance or claimedby");
            }
        }

        return (e, null);
    }
}
