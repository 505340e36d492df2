using System.Globalization;
using Watchbot.Core.Events;

namespace Watchbot.Web.Pages;

/// <summary>Why a pending event waits for a curator, from the same rules that held it back: a hand-entered date after
/// tomorrow, a confidence under Watchbot:Ingest:ReviewBelow, or else an article with no date of its own.</summary>
public static class ReviewReason
{
    public static string Of(WatchEvent e, double reviewBelow, DateOnly today)
    {
        if (e.Date > today.AddDays(1))
        {
            return $"Dated {e.Date:yyyy-MM-dd}, after tomorrow: a date in the future waits for a curator.";
        }

        if (e.Confidence < reviewBelow)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Confidence {e.Confidence:0.00}, below the review threshold {reviewBelow:0.00} (Watchbot:Ingest:ReviewBelow).");
        }

        return "Its article gave no date of its own, so the event's date is not sure.";
    }
}
