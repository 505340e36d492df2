using Watchbot.Core.Events;

namespace Watchbot.Extraction.Frames;

/// <summary>One-line summaries a digest can print.</summary>
public static class Summaries
{
    /// <summary>"at least 3 civilians killed on the Azerbaijan side (total), per Azerbaijan"; "people" when the population is unknown.</summary>
    public static string Casualty(CasualtyClaim c)
    {
        var total = c.Cumulative ? " (total)" : "";
        var by = c.ClaimedBy is "unknown" ? "" : $", per {c.ClaimedBy}";
        return $"{CasualtyWording.Phrase(c)}{total}{by}";
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
        _ => $"{actor ?? "Someone"} rejects a ceasefire or peace talks, or ends an accord",
    };
}
