namespace Watchbot.Core.Events;

public enum Population { Military, Civilian, Unknown }

public enum CasualtyOutcome { Killed, Wounded, Missing, Captured, Displaced, Casualties }

public enum CountQualifier { Exact, AtLeast, About, MoreThan, UpTo }

/// <summary>
/// One figure as somebody stated it: "at least 12 Azerbaijani soldiers killed, the defence ministry said".
/// <paramref name="Side"/> is whose people were hit; <paramref name="ClaimedBy"/> is who says so.
/// </summary>
public sealed record CasualtyClaim(
    string Side,
    Population Population,
    CasualtyOutcome Outcome,
    int Count,
    int? CountHigh,
    CountQualifier Qualifier,
    bool Cumulative,
    string ClaimedBy)
{
    /// <summary>True when one belligerent reports the other's losses.</summary>
    public bool ClaimedAboutAdversary =>
        !string.Equals(ClaimedBy, "unknown", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(ClaimedBy, Side, StringComparison.OrdinalIgnoreCase)
        && !ClaimedBy.StartsWith(Side, StringComparison.OrdinalIgnoreCase);
}
