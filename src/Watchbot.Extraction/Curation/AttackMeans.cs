using System.Text.RegularExpressions;
using Watchbot.Core.Events;

namespace Watchbot.Extraction.Curation;

/// <summary>
/// How an attack was carried out, as far as the words of its report tell, in any war: artillery, air strikes, drones,
/// missiles, a ground assault, ground taken, or air defence bringing something down. Used to keep apart two reports of
/// one attacker on one day that name no place: a shelling and an interception are two things, while two outlets'
/// words for one shelling ("shelled", "artillery fire") name the same means.
/// </summary>
public static partial class AttackMeans
{
    /// <summary>The means named by <paramref name="e"/>'s summary and source sentences; empty when they name none.</summary>
    public static IReadOnlySet<string> Of(EventDraft e)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in e.Sources.Select(s => s.Sentence).Append(e.Summary))
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            // Shooting something down is defence, whatever it shot down: "intercepted two drones" is no drone strike.
            if (Defence().IsMatch(text))
            {
                found.Add("air defence");
                continue;
            }

            foreach (var (name, regex) in Means)
            {
                if (regex.IsMatch(text))
                {
                    found.Add(name);
                }
            }
        }

        return found;
    }

    /// <summary>True unless both reports name their means and no means is common to them.</summary>
    public static bool MayBeOne(EventDraft a, EventDraft b)
    {
        var x = Of(a);
        var y = Of(b);
        return x.Count == 0 || y.Count == 0 || x.Overlaps(y);
    }

    private static readonly (string Name, Regex Regex)[] Means =
    [
        ("artillery", Artillery()), ("air", Air()), ("drone", Drone()), ("missile", Missile()), ("ground", Ground()), ("ground taken", Taken()),
    ];

    [GeneratedRegex(@"\b(?:intercept(?:ed|ing|ion|s)?|shot down|shoot(?:s|ing)? down|downed|air[- ]defen[cs]es?|anti-aircraft)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Defence();

    [GeneratedRegex(@"\b(?:shell(?:s|ed|ing)?|artillery|mortars?|howitzers?|barrages?|bombard(?:s|ed|ing|ment)?|pound(?:s|ed|ing)|multiple rocket|rocket launchers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Artillery();

    [GeneratedRegex(@"\b(?:air ?strikes?|air raids?|warplanes?|fighter jets?|jets|aircraft|aviation|helicopters?|bomb(?:s|ed|ing)|bomber)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Air();

    [GeneratedRegex(@"\b(?:drones?|UAVs?|loitering munitions?|kamikaze)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Drone();

    [GeneratedRegex(@"\b(?:missiles?|ballistic|rockets?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Missile();

    [GeneratedRegex(@"\b(?:storm(?:s|ed|ing)|assaults?|offensives?|advanc(?:e|es|ed|ing)|ambush(?:ed|es)?|(?<!air )raid(?:s|ed)?|incursions?|infiltrat\w*|clash(?:es|ed)?|firefights?|gunfire|gunmen|snipers?|small arms|opened fire|counter-?attacks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ground();

    [GeneratedRegex(@"\b(?:captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|took control|taken control|overran|retook|recaptured|liberat(?:e|es|ed|ing)|fell to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Taken();
}
