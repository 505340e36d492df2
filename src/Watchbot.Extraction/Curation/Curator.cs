using Watchbot.Core.Events;

namespace Watchbot.Extraction.Curation;

/// <summary>
/// Merges items about the same thing into one event with several sources: same kind, dates within a day, and the same
/// figure, stance and speaker, place or actor as the kind's <see cref="MergeRule"/> in <see cref="EventKinds"/> says (an
/// attack: the same place, or the same attacker on the same day by the same means; see <see cref="AttackMeans"/>).
/// </summary>
public static class Curator
{
    /// <summary>Adds <paramref name="incoming"/> to <paramref name="existing"/>, merging duplicates; the input lists are not changed.</summary>
    /// <param name="sameDay">Items read from one article: their dates come from one reference, so a day apart is another day (a
    /// strike on Sunday and one on Monday in the same city are two events); across articles a day's slack absorbs time zones.</param>
    /// <param name="regions">Places too large to say two escalations are the same one (see <see cref="RegionsOf"/>).</param>
    public static IReadOnlyList<EventDraft> Merge(IReadOnlyList<EventDraft> existing, IReadOnlyList<EventDraft> incoming, bool sameDay = false, IReadOnlySet<string>? regions = null)
    {
        var result = existing.ToList();
        foreach (var e in incoming)
        {
            var index = result.FindIndex(r => SameThing(r, e, regions) && (!sameDay || !IsAct(r.Kind) || r.Date == e.Date));
            if (index >= 0)
            {
                result[index] = Combine(result[index], e);
            }
            else
            {
                result.Add(e);
            }
        }

        return result;
    }

    public static bool SameThing(EventDraft a, EventDraft b, IReadOnlySet<string>? regions = null)
    {
        regions ??= NoRegions;
        if (a.Kind != b.Kind || Math.Abs(a.Date.DayNumber - b.Date.DayNumber) > 1)
        {
            return false;
        }

        switch (a.Kind.Info().Merge)
        {
            case MergeRule.SameFigure:
                return a.Casualties.Any(x => b.Casualties.Any(y => SameFigure(x, y)));
            case MergeRule.SameStanceAndSpeaker:
                return a.Stance == b.Stance && Same(a.ClaimedBy, b.ClaimedBy);
            case MergeRule.SharedActor:
                return (a.Actors.Count == 0 && b.Actors.Count == 0) || a.Actors.Intersect(b.Actors, StringComparer.OrdinalIgnoreCase).Any();
            case MergeRule.SamePlaceOrActor:
                var specific = a.Places.Intersect(b.Places, StringComparer.OrdinalIgnoreCase).Any(p => !regions.Contains(p));
                var sameActor = a.Actors.Count > 0 && b.Actors.Count > 0 && Same(a.Actors[0], b.Actors[0]);
                // Without a place of their own, one attacker's reports of one day are one attack only if they name the same
                // means, or one names none: an interception and a shelling that day are two things.
                return specific || (sameActor && a.Date == b.Date && !a.Places.Any(p => !regions.Contains(p)) && !b.Places.Any(p => !regions.Contains(p))
                                    && AttackMeans.MayBeOne(a, b));
            default:
                throw new ArgumentOutOfRangeException(nameof(a), a.Kind.Info().Merge, "A merge rule the curator does not know.");
        }
    }

    /// <summary>A kind that happens on one day (an attack, a release), not a figure or a statement that is repeated.</summary>
    private static bool IsAct(EventKind kind) => kind.Info().Merge is MergeRule.SamePlaceOrActor or MergeRule.SharedActor;

    private static readonly HashSet<string> NoRegions = [];

    /// <summary>
    /// The places of <paramref name="topics"/> too large to say two escalations are the same one: a place that goes by the
    /// name of a side or a keyword of its topic (a country at war, the disputed region itself).
    /// </summary>
    public static IReadOnlySet<string> RegionsOf(IReadOnlyList<Core.Topics.Topic> topics) => RegionCache.GetValue(topics, Regions);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Core.Topics.Topic>, IReadOnlySet<string>> RegionCache = new();

    private static IReadOnlySet<string> Regions(IReadOnlyList<Core.Topics.Topic> topics) =>
        topics.SelectMany(t => t.Places.Where(p => p.AllNames.Any(n => t.SideNamed(n) is not null || t.Keywords.Contains(n, StringComparer.OrdinalIgnoreCase))))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static bool Same(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static bool SameFigure(CasualtyClaim x, CasualtyClaim y) =>
        x.Count == y.Count && x.CountHigh == y.CountHigh && x.Outcome == y.Outcome
        && (x.Side == y.Side || x.Side == "unknown" || y.Side == "unknown");

    public static EventDraft Combine(EventDraft a, EventDraft b)
    {
        var sources = a.Sources.Concat(b.Sources)
            .DistinctBy(s => (s.File, s.Url, s.Sentence))
            .ToList();
        var otherArticle = b.Sources.Any(s => !a.Sources.Any(x => x.File == s.File && x.Url == s.Url));
        var confidence = otherArticle ? Math.Min(0.99, 1 - ((1 - a.Confidence) * (1 - b.Confidence))) : Math.Max(a.Confidence, b.Confidence);
        var keep = b.Confidence > a.Confidence && b.DatePrecision == DatePrecision.Day ? b : a;
        var other = ReferenceEquals(keep, a) ? b : a;

        // One story told with "this weekend" and "on Saturday": the day inside the range is the sharper date.
        if (keep.DateEnd is { } end && other.DateEnd is null && other.Date >= keep.Date && other.Date <= end)
        {
            keep = keep with { Date = other.Date, DateEnd = null, DatePrecision = other.DatePrecision };
        }

        return keep with
        {
            Sources = sources,
            Places = a.Places.Union(b.Places, StringComparer.OrdinalIgnoreCase).ToList(),
            Actors = a.Actors.Union(b.Actors, StringComparer.OrdinalIgnoreCase).ToList(),
            Topics = a.Topics.Union(b.Topics, StringComparer.OrdinalIgnoreCase).ToList(),
            Casualties = a.Casualties.Concat(b.Casualties).Distinct().ToList(),
            Severity = Math.Max(a.Severity, b.Severity),
            Confidence = confidence,
            Status = a.Status == EventStatus.Published || b.Status == EventStatus.Published ? EventStatus.Published : a.Status,
        };
    }

    /// <summary>Marks events below the review threshold as pending, and all of them when their article has no date of its
    /// own (<paramref name="dated"/> false): the one place that decides what waits for a curator.</summary>
    public static IReadOnlyList<EventDraft> ApplyReview(IReadOnlyList<EventDraft> events, double reviewBelow, bool dated = true) =>
        events.Select(e => e with { Status = e.Confidence < reviewBelow || !dated ? EventStatus.Pending : EventStatus.Published }).ToList();
}
