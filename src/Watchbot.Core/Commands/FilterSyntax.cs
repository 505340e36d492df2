using System.Globalization;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Commands;

/// <summary>
/// Reads "kinds=escalation,casualties severity>=3 places=Stepanakert,Ganja actors=Turkey include=drone exclude=exercise"
/// onto an existing filter: only the parts named change; "places=" with no value clears that part; "kinds+=a" and
/// "kinds-=a" add a kind to those let through or take one away.
/// Places and actors are checked against the topic's places, sides and actors and their aliases, and stored by their
/// canonical names; an unknown one is refused with the closest known name.
/// </summary>
public static class FilterSyntax
{
    public const int MaxValues = 20;
    public const int MaxWordLength = 40;

    public static (SubscriptionFilter? Filter, string? Problem) Apply(SubscriptionFilter current, IReadOnlyList<string> tokens, Topic topic)
    {
        var filter = current;
        foreach (var token in tokens)
        {
            if (token.StartsWith("severity>=", StringComparison.OrdinalIgnoreCase))
            {
                var text = token["severity>=".Length..];
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var severity) || severity is < 1 or > 5)
                {
                    return (null, $"severity>= takes a number from 1 to 5, not '{Clip(text)}'");
                }

                filter = filter with { MinSeverity = severity };
                continue;
            }

            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return (null, $"'{Clip(token)}' is not a filter; write name=value, such as kinds=escalation or severity>=3");
            }

            var name = token[..eq].ToLowerInvariant();
            var values = token[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Length > MaxValues)
            {
                return (null, $"{name} takes at most {MaxValues} values");
            }

            var problem = name switch
            {
                "kinds" or "kind" => Kinds(values, ref filter),
                "kinds+" or "kind+" => ChangeKinds(values, add: true, topic, ref filter),
                "kinds-" or "kind-" => ChangeKinds(values, add: false, topic, ref filter),
                "places" or "place" => Places(values, topic, ref filter),
                "actors" or "actor" => Actors(values, topic, ref filter),
                "include" => Words(values, v => filter = filter with { Include = v }),
                "exclude" => Words(values, v => filter = filter with { Exclude = v }),
                _ => $"'{Clip(name)}' is not a filter; use kinds (or kinds+=, kinds-=), severity>=, places, actors, include or exclude",
            };
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        return (filter, null);
    }

    private static string? Kinds(string[] values, ref SubscriptionFilter filter)
    {
        var kinds = new List<EventKind>();
        foreach (var value in values)
        {
            if (!EventNames.TryParse<EventKind>(value, out var kind))
            {
                return $"'{Clip(value)}' is not a kind; use {EventKinds.NamesText}";
            }

            kinds.Add(kind);
        }

        filter = filter with { Kinds = kinds.Distinct().ToList() };
        return null;
    }

    /// <summary>kinds+=a adds kinds to those let through, kinds-=a takes them away; no kinds named means all of them,
    /// so taking one away from "all" leaves the other three, and adding back the last one is "all" again. Taking
    /// away the last kind would let nothing through, which is what /unsubscribe is for.</summary>
    private static string? ChangeKinds(string[] values, bool add, Topic topic, ref SubscriptionFilter filter)
    {
        var named = new List<EventKind>();
        foreach (var value in values)
        {
            if (!EventNames.TryParse<EventKind>(value, out var kind))
            {
                return $"'{Clip(value)}' is not a kind; use {EventKinds.NamesText}";
            }

            named.Add(kind);
        }

        if (named.Count == 0)
        {
            return $"kinds{(add ? "+" : "-")}= takes a kind, such as kinds{(add ? "+" : "-")}=escalation";
        }

        var all = Enum.GetValues<EventKind>();
        var current = filter.Kinds.Count == 0 ? all : filter.Kinds;
        var changed = all.Where(k => add ? current.Contains(k) || named.Contains(k) : current.Contains(k) && !named.Contains(k)).ToList();
        if (changed.Count == 0)
        {
            return $"At least one kind must stay; to stop following {topic.Name}, send /unsubscribe {topic.Name}";
        }

        filter = filter with { Kinds = changed.Count == all.Length ? [] : changed };
        return null;
    }

    private static string? Places(string[] values, Topic topic, ref SubscriptionFilter filter)
    {
        var (places, problem) = topic.CanonicalPlaces(values, Clip);
        if (problem is null)
        {
            filter = filter with { Places = places };
        }

        return problem;
    }

    /// <summary>Actors are the topic's sides and other actors, by any of their names, stored by their canonical names.</summary>
    private static string? Actors(string[] values, Topic topic, ref SubscriptionFilter filter)
    {
        var (actors, problem) = topic.CanonicalActors(values, Clip);
        if (problem is null)
        {
            filter = filter with { Actors = actors };
        }

        return problem;
    }

    private static string? Words(string[] values, Action<IReadOnlyList<string>> set)
    {
        foreach (var value in values)
        {
            if (value.Length > MaxWordLength || !value.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\''))
            {
                return $"'{Clip(value)}' is not a word I can match; use letters, digits and dashes, at most {MaxWordLength} characters";
            }
        }

        set(values.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        return null;
    }

    private static string Clip(string text) => TargetSubscriptions.Clip(text);
}
