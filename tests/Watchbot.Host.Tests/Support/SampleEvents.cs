using Watchbot.Core.Events;

namespace Watchbot.Host.Tests.Support;

/// <summary>Events the end-to-end tests add to a running host's store.</summary>
public static class SampleEvents
{
    /// <summary>Today's escalation in Stepanakert on karabakh, severity 4, with one source linking to <paramref name="url"/>.</summary>
    public static EventDraft Escalation(string summary, string url = "https://example.org/report") => new()
    {
        Kind = EventKind.Escalation,
        Date = DateOnly.FromDateTime(DateTime.UtcNow),
        Summary = summary,
        Topics = ["karabakh"],
        Places = ["Stepanakert"],
        Severity = 4,
        Sources = [new EventSource(null, url, "Example News", DateOnly.FromDateTime(DateTime.UtcNow), null)],
    };
}
