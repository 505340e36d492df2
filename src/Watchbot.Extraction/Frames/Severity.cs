using Watchbot.Core.Events;

namespace Watchbot.Extraction.Frames;

/// <summary>Severity 1 (minor) to 5 (grave) for each kind of item.</summary>
public static class Severity
{
    public static int Of(CasualtyClaim c)
    {
        var n = c.CountHigh ?? c.Count;
        return c.Outcome switch
        {
            // Civilians killed are what readers call grave soonest: 13 dead in a city strike is an alert, not a digest line.
            CasualtyOutcome.Killed when c.Population == Population.Civilian => n >= 50 ? 5 : n >= 10 ? 4 : 3,
            CasualtyOutcome.Killed => n >= 100 ? 5 : n >= 20 ? 4 : 3,
            CasualtyOutcome.Casualties => n >= 500 ? 5 : n >= 50 ? 4 : 3,
            CasualtyOutcome.Displaced => n >= 50_000 ? 5 : n >= 1_000 ? 4 : 3,
            _ => n >= 100 ? 4 : n >= 10 ? 3 : 2,
        };
    }

    public static int Of(CeasefireStance stance) => stance switch
    {
        CeasefireStance.Agreement => 4,
        CeasefireStance.InForce => 3,
        CeasefireStance.Violation => 3,
        CeasefireStance.Rejection => 3,
        _ => 2,
    };
}
