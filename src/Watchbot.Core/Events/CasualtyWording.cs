using System.Globalization;

namespace Watchbot.Core.Events;

/// <summary>
/// A figure as an English phrase: "3 civilians killed on the Azerbaijan side", "1 soldier wounded on the Artsakh side",
/// "about 40 people killed", "13 civilian casualties on both sides". The side is a noun (the topic's side name), so it
/// follows the figure instead of standing before it as an adjective ("13 Azerbaijan civilian killed").
/// </summary>
public static class CasualtyWording
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Phrase(CasualtyClaim claim)
    {
        var one = claim.Count == 1 && claim.CountHigh is null or 1;
        var count = QualifierWord(claim.Qualifier) + claim.Count.ToString("N0", Culture)
                    + (claim.CountHigh is { } high && high != claim.Count ? " to " + high.ToString("N0", Culture) : "");
        var what = claim.Outcome == CasualtyOutcome.Casualties
            ? claim.Population switch
            {
                Population.Civilian => one ? "civilian casualty" : "civilian casualties",
                Population.Military => one ? "military casualty" : "military casualties",
                _ => one ? "casualty" : "casualties",
            }
            : $"{People(claim.Population, one)} {claim.Outcome.Name()}";
        return $"{count} {what}{SideWords(claim.Side)}";
    }

    private static string People(Population population, bool one) => population switch
    {
        Population.Civilian => one ? "civilian" : "civilians",
        Population.Military => one ? "soldier" : "soldiers",
        _ => one ? "person" : "people",
    };

    private static string SideWords(string side) => side.ToLowerInvariant() switch
    {
        "" or "unknown" => "",
        "both" => " on both sides",
        _ => $" on the {side} side",
    };

    private static string QualifierWord(CountQualifier qualifier) => qualifier switch
    {
        CountQualifier.AtLeast => "at least ",
        CountQualifier.About => "about ",
        CountQualifier.MoreThan => "more than ",
        CountQualifier.UpTo => "up to ",
        _ => "",
    };
}
