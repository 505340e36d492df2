using Watchbot.Core.Events;

using Watchbot.Core.Digests;
namespace Watchbot.Core.Events;

/// <summary>A running casualty tally is kept per side, population, outcome and claimant.</summary>
public sealed record TallyKey(string Side, Population Population, CasualtyOutcome Outcome, string ClaimedBy)
{
    public static TallyKey Of(CasualtyClaim claim) =>
        new(claim.Side.ToLowerInvariant(), claim.Population, claim.Outcome, claim.ClaimedBy.ToLowerInvariant());
}

public sealed record TallyPoint(DateOnly Date, int Count, long EventId);
