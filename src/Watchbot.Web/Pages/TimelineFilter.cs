using System.Globalization;
using Microsoft.AspNetCore.Http;
using Watchbot.Core.Commands;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;

namespace Watchbot.Web.Pages;

/// <summary>
/// The timeline's filters as the query string carries them (?kinds=escalation&amp;kinds=casualties&amp;place=Shushi&amp;actor=Baku
/// &amp;severity=3&amp;from=2020-10-01&amp;to=2020-10-31), read through the same <see cref="FilterSyntax"/> as /filter, so an
/// alias means its canonical name and an unknown name is refused with the closest one, exactly as in chat.
/// </summary>
public sealed record TimelineFilter(IReadOnlyList<string> Kinds, string Place, string Actor, int Severity, DateOnly? From, DateOnly? To)
{
    public static TimelineFilter Read(IQueryCollection query)
    {
        static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var severity = int.TryParse(query["severity"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5 ? s : 1;
        return new TimelineFilter(
            query["kinds"].Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList(),
            Clip(query["place"]), Clip(query["actor"]), severity, Date(query["from"]), Date(query["to"]));
    }

    /// <summary>The filter as /filter would hold it, or the sentence /filter would answer.</summary>
    public (SubscriptionFilter? Filter, string? Problem) Compile(Topic topic)
    {
        var tokens = new List<string>();
        if (Kinds.Count > 0)
        {
            tokens.Add("kinds=" + string.Join(',', Kinds));
        }

        if (Place.Length > 0)
        {
            tokens.Add("places=" + Place);
        }

        if (Actor.Length > 0)
        {
            tokens.Add("actors=" + Actor);
        }

        if (Severity > 1)
        {
            tokens.Add("severity>=" + Severity.ToString(CultureInfo.InvariantCulture));
        }

        if (From is { } from && To is { } to && to < from)
        {
            return (null, "the date range ends before it starts; swap from and to");
        }

        return FilterSyntax.Apply(SubscriptionFilter.None, tokens, topic);
    }

    public bool IsEmpty => Kinds.Count == 0 && Place.Length == 0 && Actor.Length == 0 && Severity <= 1 && From is null && To is null;

    private static string Clip(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length > 80 ? t[..80] : t;
    }
}
