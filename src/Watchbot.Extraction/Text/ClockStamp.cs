using System.Text.RegularExpressions;

namespace Watchbot.Extraction.Text;

/// <summary>A live blog entry's time of day at the start of its text ("18:40 ", "09.15 GMT - "): it dates the entry to its
/// page's day and is not part of what happened.</summary>
public static partial class ClockStamp
{
    /// <summary>How many characters of <paramref name="text"/> the stamp takes; 0 when it opens with none.</summary>
    public static int Length(string text) => Stamp().Match(text).Length;

    [GeneratedRegex(@"^\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:GMT|BST|UTC|CET|EET|[AaPp]\.?[Mm]\.?))?\s*(?:[-–—:|]\s*)?(?=\p{Lu})")]
    private static partial Regex Stamp();
}
