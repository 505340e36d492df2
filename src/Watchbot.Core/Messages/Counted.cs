using System.Globalization;

namespace Watchbot.Core.Messages;

/// <summary>"1 event", "2 events", "1 article read from 1 source": a number with its noun in the right number.</summary>
public static class Counted
{
    public static string Of(long count, string singular, string? plural = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
