using System.Globalization;
using Watchbot.Core.Events;

namespace Watchbot.Host.EventJsonl;

/// <summary>One line of `watchbot events export --format jsonl`; the schema is docs/event-schema.md.</summary>
public sealed record EventRecord(
    long Id,
    long Seq,
    string Kind,
    string Status,
    long? MergedInto,
    string Date,
    string? DateEnd,
    string DatePrecision,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Actors,
    int Severity,
    double Confidence,
    string? Stance,
    string? ClaimedBy,
    string Summary,
    IReadOnlyList<CasualtyRecord> Casualties,
    IReadOnlyList<SourceRecord> Sources,
    string CreatedAt,
    string ChangedAt)
{
    public static EventRecord Of(WatchEvent e) => new(
        e.Id, e.Seq, e.Kind.Name(), e.Status.Name(), e.MergedInto, Day(e.Date), e.DateEnd is { } end ? Day(end) : null, e.DatePrecision.Name(),
        e.Topics, e.Places, e.Actors, e.Severity, Math.Round(e.Confidence, 3), e.Stance?.Name(), e.ClaimedBy, e.Summary,
        e.Casualties.Select(c => new CasualtyRecord(c.Side, c.Population.Name(), c.Outcome.Name(), c.Count, c.CountHigh, c.Qualifier.Name(), c.Cumulative, c.ClaimedBy)).ToList(),
        e.Sources.Select(s => new SourceRecord(s.File, s.Url, s.Title, s.Published is { } p ? Day(p) : null, s.Sentence)).ToList(),
        e.CreatedAt.ToString("O", CultureInfo.InvariantCulture), e.ChangedAt.ToString("O", CultureInfo.InvariantCulture));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record CasualtyRecord(string Side, string Population, string Outcome, int Count, int? CountHigh, string Qualifier, bool Cumulative, string ClaimedBy);

public sealed record SourceRecord(string? File, string? Url, string? Title, string? Published, string? Sentence);
