using System.Globalization;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Time;

namespace Watchbot.Core.Digests;

/// <summary>An event with its line already formatted (formatted once, shared by every subscription that gets it).</summary>
public sealed record DigestEntry(WatchEvent Event, MessageItem Item);

/// <summary>The period a digest covers, shown in the subscriber's zone.</summary>
public sealed record DigestPeriod(DateTimeOffset From, DateTimeOffset To, string TimeZone);

/// <summary>The events one digest holds (in seq order) and, when more matched than it may hold, how many were left out
/// and the highest severity among those (every kept event is at least that severe).</summary>
public sealed record DigestSelection(IReadOnlyList<DigestEntry> Entries, int LeftOut = 0, int LeftOutSeverity = 0);

/// <summary>A digest without its title: its sections, the footer that counts them, and how many events it had no room
/// for (said, with where to read them, when the digest is composed for a topic).</summary>
public sealed record DigestBody(IReadOnlyList<MessageSection> Sections, string Footer, int LeftOut = 0, int LeftOutSeverity = 0);

/// <summary>Composes a digest: a header with topic, period and counts, then a section per kind, each in the order things
/// happened (oldest first, as the footer says), so dates read as a timeline. A digest with more events than it may hold
/// keeps the most severe (the newest first among equals) and says in its footer how many less severe ones it left
/// out and that /latest lists the newest.</summary>
public static class DigestComposer
{
    public static OutgoingMessage Compose(string topic, DigestPeriod period, IReadOnlyList<DigestEntry> entries, MessageKind kind = MessageKind.Digest) =>
        Compose(topic, period, Body(entries), kind);

    /// <summary>The digest with a body composed before (<see cref="Body"/>), shared by every digest with the same events.</summary>
    public static OutgoingMessage Compose(string topic, DigestPeriod period, DigestBody body, MessageKind kind = MessageKind.Digest)
    {
        ArgumentNullException.ThrowIfNull(body);
        var title = $"{Capitalize(topic)} {(kind == MessageKind.Recap ? "recap" : "digest")}: {FormatPeriod(period)}";
        return new OutgoingMessage(kind, title, body.Sections, body.LeftOut == 0 ? body.Footer : $"{body.Footer} {LeftOutNote(topic, body)}");
    }

    /// <summary>What an overfull digest says about the events it had no room for.</summary>
    private static string LeftOutNote(string topic, DigestBody body)
    {
        var events = body.LeftOut == 1 ? "1 less severe event" : $"{body.LeftOut} less severe events";
        var severity = body.LeftOutSeverity <= 1 ? "severity 1" : $"severity {body.LeftOutSeverity} or lower";
        return $"Left out for length: {events} ({severity}); /latest {topic} 20 lists the newest events, whatever their severity.";
    }

    /// <summary>The part of a digest that depends only on its events: the sections, in date order, and the counts.</summary>
    public static DigestBody Body(IReadOnlyList<DigestEntry> entries) => Body(new DigestSelection(entries));

    /// <summary>The body of a selection: its events as <see cref="Body(IReadOnlyList{DigestEntry})"/>, and when some were
    /// left out, a footer that says how many of how many it holds and that they are the most severe.</summary>
    public static DigestBody Body(DigestSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var entries = selection.Entries;
        var sections = new List<MessageSection>();
        var counts = new List<string>();
        foreach (var kind in EventKinds.All)
        {
            var items = entries
                .Where(e => e.Event.Kind == kind.Kind)
                .OrderBy(e => e.Event.Date)
                .ThenBy(e => e.Event.DateEnd ?? e.Event.Date)
                .ThenBy(e => e.Event.Id)
                .Select(e => e.Item)
                .ToList();
            if (items.Count == 0)
            {
                continue;
            }

            sections.Add(new MessageSection(kind.Heading, items));
            counts.Add($"{items.Count} {(items.Count == 1 ? kind.Noun : kind.Plural)}");
        }

        var held = selection.LeftOut > 0
            ? $"The {entries.Count} most severe of {entries.Count + selection.LeftOut} new events"
            : $"{entries.Count} new event{(entries.Count == 1 ? "" : "s")}";
        var footer = entries.Count == 0
            ? "Nothing new in this period."
            : $"{held}: {string.Join(", ", counts)}{(entries.Count > 1 ? "; each section in date order, oldest first" : "")}.";
        return new DigestBody(sections, footer, selection.LeftOut, selection.LeftOutSeverity);
    }

    /// <summary>What an empty digest says: when the last one went out (the recap sent on subscribing counts), since a
    /// digest holds only what came after it, and where to read what is already known.</summary>
    public static string NothingNew(string topic, DateTimeOffset? lastDigestAt, string timeZone)
    {
        var zone = ZonedTime.TryFindZone(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var since = lastDigestAt is { } last
            ? $"Nothing new since the last digest went out on {TimeZoneInfo.ConvertTime(last, zone).ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} ({timeZone})"
            : "Nothing new in this period";
        return $"{since}. /latest {topic} shows the newest events.";
    }

    public static string FormatPeriod(DigestPeriod period)
    {
        var zone = ZonedTime.TryFindZone(period.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var from = TimeZoneInfo.ConvertTime(period.From, zone);
        var to = TimeZoneInfo.ConvertTime(period.To, zone);
        var culture = CultureInfo.InvariantCulture;
        return $"{from.ToString("d MMM HH:mm", culture)} to {to.ToString("d MMM HH:mm", culture)} ({period.TimeZone})";
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
