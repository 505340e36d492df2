namespace Watchbot.Core.Events;

/// <summary>How two reports of one kind are told to be the same thing (dates within a day is common to all).</summary>
public enum MergeRule
{
    /// <summary>The same figure (count, outcome, side): casualty and displacement reports.</summary>
    SameFigure,

    /// <summary>The same stance from the same speaker: ceasefire statements.</summary>
    SameStanceAndSpeaker,

    /// <summary>A shared place that is not a whole region, or the same first actor on the same day when neither names such
    /// a place: attacks.</summary>
    SamePlaceOrActor,

    /// <summary>Any actor in common (or none on either side): one-off acts such as a release of prisoners.</summary>
    SharedActor,
}

/// <summary>Everything the program knows about one kind of event, in one row.</summary>
/// <param name="Name">The wire name: export, commands, SQLite, the web page (lower case, at most
/// <see cref="EventKinds.MaxNameLength"/> characters so a filter button fits Telegram's 64 bytes).</param>
/// <param name="Label">The word on a filter button.</param>
/// <param name="Heading">The digest section's heading.</param>
/// <param name="Noun">One event of the kind, as a digest footer counts them ("3 escalations").</param>
/// <param name="Plural">The noun's plural.</param>
/// <param name="CarriesFigures">Whether its events carry casualty or displacement figures.</param>
/// <param name="Merge">How two reports of it are told to be one event.</param>
/// <param name="Scored">Whether the evaluator scores it as an event (casualty figures are scored as figures instead).</param>
public sealed record EventKindInfo(
    EventKind Kind,
    string Name,
    string Label,
    string Heading,
    string Noun,
    string Plural,
    bool CarriesFigures,
    MergeRule Merge,
    bool Scored = true);

/// <summary>
/// The catalogue of event kinds: the one place that lists them. Everything that names, files, merges, shows or scores a
/// kind reads its row here, so a new kind is a value in <see cref="EventKind"/>, a row below (the compiler stops at the
/// switch until there is one), an extraction rule and its lexicon.
/// </summary>
public static class EventKinds
{
    /// <summary>The longest wire name: "w2:~a &lt;40-character topic&gt; ~c ~+name" must fit a 64-byte Telegram button.</summary>
    public const int MaxNameLength = 12;

    private static readonly EventKindInfo Escalation = new(
        EventKind.Escalation, "escalation", "Escalation", "Escalations", "escalation", "escalations",
        CarriesFigures: false, MergeRule.SamePlaceOrActor);

    private static readonly EventKindInfo Casualties = new(
        EventKind.Casualties, "casualties", "Casualties", "Casualty updates", "casualty update", "casualty updates",
        CarriesFigures: true, MergeRule.SameFigure, Scored: false);

    private static readonly EventKindInfo Ceasefire = new(
        EventKind.Ceasefire, "ceasefire", "Ceasefire", "Ceasefire statements", "ceasefire statement", "ceasefire statements",
        CarriesFigures: false, MergeRule.SameStanceAndSpeaker);

    private static readonly EventKindInfo Displacement = new(
        EventKind.Displacement, "displacement", "Displacement", "Displacement", "displacement report", "displacement reports",
        CarriesFigures: true, MergeRule.SameFigure);

    private static readonly EventKindInfo Prisoners = new(
        EventKind.Prisoners, "prisoners", "Prisoners", "Prisoner and hostage releases", "release", "releases",
        CarriesFigures: false, MergeRule.SharedActor);

    /// <summary>Every kind, in the order digests list them.</summary>
    public static IReadOnlyList<EventKindInfo> All { get; } = Enum.GetValues<EventKind>().Select(Info).ToList();

    /// <summary>The catalogue row of <paramref name="kind"/>.</summary>
#pragma warning disable CS8524 // Every named kind has a row; a number cast to the enum is a bug and throws.
    public static EventKindInfo Info(this EventKind kind) => kind switch
    {
        EventKind.Escalation => Escalation,
        EventKind.Casualties => Casualties,
        EventKind.Ceasefire => Ceasefire,
        EventKind.Displacement => Displacement,
        EventKind.Prisoners => Prisoners,
    };
#pragma warning restore CS8524

    /// <summary>The kind whose wire name is <paramref name="name"/> (any case), or null.</summary>
    public static EventKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Kind;

    /// <summary>"escalation, casualties, ceasefire, displacement or prisoners", for error messages and help.</summary>
    public static string NamesText { get; } = string.Join(", ", All.SkipLast(1).Select(k => k.Name)) + " or " + All[^1].Name;
}
