namespace Watchbot.Core.Events;

/// <summary>The wire names of the enums (export, commands, SQLite), one place for all of them.</summary>
public static class EventNames
{
    public static string Name(this EventKind kind) => kind.Info().Name;

    public static string Name(this EventStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(this DatePrecision precision) => precision.ToString().ToLowerInvariant();

    public static string Name(this Population population) => population.ToString().ToLowerInvariant();

    public static string Name(this CasualtyOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static string Name(this CeasefireStance stance) => stance switch
    {
        CeasefireStance.InForce => "in_force",
        _ => stance.ToString().ToLowerInvariant(),
    };

    public static string Name(this CountQualifier qualifier) => qualifier switch
    {
        CountQualifier.AtLeast => "at_least",
        CountQualifier.MoreThan => "more_than",
        CountQualifier.UpTo => "up_to",
        _ => qualifier.ToString().ToLowerInvariant(),
    };

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return Enum.TryParse(key, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name}; expected one of {string.Join(", ", Enum.GetNames<T>())}.");
}
