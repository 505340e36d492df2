using Watchbot.Core.Events;

namespace Watchbot.Extraction.Frames;

/// <summary>One-line summaries a digest can print.</summary>
public static class Summaries
{
    public static string Casualty(CasualtyClaim c)
    {
        var qualifier = c.Qualifier switch
        {
            CountQualifier.AtLeast => "at least ",
            CountQualifier.About => "about ",
            CountQualifier.MoreThan => "more than ",
            CountQualifier.UpTo => "up to ",
            _ => "",
        };
        var count = c.CountHigh is null ? $"{c.Count:N0}" : $"{c.Count:N0}-{c.CountHigh:N0}";
        var who = c.Side is "unknown" ? "" : c.Side + " ";
        var population = c.Population == Population.Unknown ? "people" : c.Population.Name();
        var total = c.Cumulative ? " (total)" : "";
        var by = c.ClaimedBy is "unknown" ? "" : $", per {c.ClaimedBy}";
        return $"{qualifier}{count} {who}{population} {c.Outcome.Name()}{total}{by}";
    }

    public static string Escalation(string? actor, string trigger, IReadOnlyList<string> places)
    {
        var where = places.Count == 0 ? "" : " (" + string.Join(", ", places.Take(4)) + ")";
        return $"{(actor is null ? "" : actor + ": ")}{trigger}{where}";
    }

    public static string Ceasefire(string? actor, CeasefireStance stance) => stance switch
    {
        CeasefireStance.Call => $"{actor ?? "Someone"} calls for a ceasefire or restraint",
        CeasefireStance.Agreement => $"Ceasefire agreed{(actor is null ? "" : " (" + actor + ")")}",
        CeasefireStance.InForce => $"Ceasefire in force{(actor is null ? "" : ", per " + actor)}",
        CeasefireStance.Violation => $"Ceasefire violation reported{(actor is null ? "" : " by " + actor)}",
        _ => $"{actor ?? "Someone"} rejects a ceasefire or calls for restraint",
    };
}
