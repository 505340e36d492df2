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

    /// <summary>The clause that reports an act (an attack, a release), in the source's words. Its places are the event's own
    /// field (a digest line opens with them), so they are not repeated; the actor leads only when the clause does not name it.</summary>
    public static string Clause(string? actor, string clause, bool actorNamed) =>
        actor is null || actorNamed ? clause : $"{actor}: {clause}";

    public static string Ceasefire(string? actor, CeasefireStance stance) => stance switch
    {
        CeasefireStance.Call => $"{actor ?? "Someone"} calls for a ceasefire or restraint",
        CeasefireStance.Agreement => $"Ceasefire agreed{(actor is null ? "" : " (" + actor + ")")}",
        CeasefireStance.InForce => $"Ceasefire in force{(actor is null ? "" : ", per " + actor)}",
        CeasefireStance.Violation => $"Ceasefire violation reported{(actor is null ? "" : " by " + actor)}",
        _ => $"{actor ?? "Someone"} rejects a ceasefire or peace talks, or ends an accord",
    };
}
