namespace Watchbot.Extraction.Config;

/// <summary>
/// The adjectives a country's name usually makes in English ("Sudan" → "Sudanese", "Ethiopia" → "Ethiopian", "Israel" →
/// "Israeli"), so that a topic an admin typed with bare side names still finds "the Sudanese army". Pure spelling rules:
/// a form that is wrong for a name matches nothing in the text, so it costs nothing; irregular ones ("Thai") the admin
/// lists as aliases.
/// </summary>
public static class Demonyms
{
    public static IReadOnlyList<string> Of(string name)
    {
        if (name.Length < 4 || name.Contains(' ', StringComparison.Ordinal) || !char.IsUpper(name[0]) || name.Any(c => !char.IsLetter(c)))
        {
            return [];
        }

        string[] forms = name switch
        {
            _ when name.EndsWith("stan", StringComparison.Ordinal) => [name + "i"],
            _ when name.EndsWith("ia", StringComparison.Ordinal) => [name + "n", name[..^1]],
            _ when name.EndsWith('a') => [name + "n"],
            _ when name.EndsWith("an", StringComparison.Ordinal) => [name + "ese", name + "ian"],
            _ when name.EndsWith("on", StringComparison.Ordinal) => [name[..^2] + "ese"],
            _ when name.EndsWith('o') => [name + "lese", name + "an"],
            _ when name.EndsWith('e') => [name[..^1] + "ian"],
            _ when name.EndsWith('i') => [name + "an"],
            _ when name.EndsWith('l') || name.EndsWith('n') || name.EndsWith('q') || name.EndsWith('h') => [name + "i"],
            // No safe rule: "Niger" must not take "Nigerian", which is Nigeria's.
            _ => [],
        };

        // The people as a plural too ("Armenians", "Ethiopians"); "-ese" and "-i" forms are their own plural.
        return forms.Concat(forms.Where(f => f.EndsWith('n')).Select(f => f + "s")).Distinct(StringComparer.Ordinal).ToList();
    }
}
