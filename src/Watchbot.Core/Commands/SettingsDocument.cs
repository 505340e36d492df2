using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;
using Watchbot.Core.Time;

namespace Watchbot.Core.Commands;

/// <summary>A chat's (or a person's) subscriptions and quiet hours as JSON: what /export writes and /import reads.</summary>
public sealed record SettingsDocument(int Version, IReadOnlyList<SettingsDocument.Entry> Subscriptions, SettingsDocument.QuietEntry? Quiet)
{
    public const int CurrentVersion = 1;

    /// <param name="Chart">Whether the digest carries its chart; missing (an export from before charts) means on.</param>
    public sealed record Entry(string Topic, bool Digest, string DigestTime, string TimeZone, bool Alerts, int AlertSeverity, FilterEntry? Filter, bool? Chart = null);

    public sealed record FilterEntry(IReadOnlyList<string>? Kinds, int? MinSeverity, IReadOnlyList<string>? Places, IReadOnlyList<string>? Actors,
        IReadOnlyList<string>? Include, IReadOnlyList<string>? Exclude);

    public sealed record QuietEntry(string Start, string End, string TimeZone);

    public static SettingsDocument Of(IEnumerable<Subscription> subscriptions, ChatSettings settings) => new(
        CurrentVersion,
        subscriptions.Select(s => new Entry(s.Topic, s.Digest.Enabled, s.Digest.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture), s.Digest.TimeZone,
            s.AlertsEnabled, s.AlertMinSeverity,
            new FilterEntry(s.Filter.Kinds.Select(k => k.Name()).ToList(), s.Filter.MinSeverity, s.Filter.Places, s.Filter.Actors, s.Filter.Include, s.Filter.Exclude),
            s.DigestChart))
            .ToList(),
        settings.Quiet is { } q ? new QuietEntry(q.Start.ToString("HH:mm", CultureInfo.InvariantCulture), q.End.ToString("HH:mm", CultureInfo.InvariantCulture), q.TimeZone) : null);

    public string ToJson() => JsonSerializer.Serialize(this, SettingsJsonContext.Default.SettingsDocument);

    /// <summary>Reads and checks every part against the topics before anything is changed.</summary>
    public static (IReadOnlyList<Subscription>? Subscriptions, QuietHours? Quiet, string? Problem) Read(string json, IReadOnlyList<Topic> topics, Subscription template)
    {
        SettingsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(Messages.SafeText.Repair(json), SettingsJsonContext.Default.SettingsDocument);
        }
        catch (JsonException ex)
        {
            return (null, null, $"That is not valid JSON ({Clip(ex.Message)})");
        }

        if (document?.Subscriptions is null || document.Version != CurrentVersion)
        {
            return (null, null, $"That is not a Watchbot settings document of version {CurrentVersion}; send /export to see one");
        }

        if (document.Subscriptions.Count > 50)
        {
            return (null, null, "At most 50 subscriptions can be imported at once");
        }

        var result = new List<Subscription>();
        foreach (var entry in document.Subscriptions)
        {
            var topic = topics.FirstOrDefault(t => t.Name == entry?.Topic);
            if (entry is null || topic is null)
            {
                return (null, null, $"There is no topic '{Clip(entry?.Topic ?? "")}'");
            }

            if (!TimeOnly.TryParseExact(entry.DigestTime ?? "", ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return (null, null, $"'{Clip(entry.DigestTime ?? "")}' is not a time of day (HH:MM)");
            }

            if (!ZonedTime.TryFindZone(entry.TimeZone ?? "", out var zone))
            {
                return (null, null, $"'{Clip(entry.TimeZone ?? "")}' is not a time zone");
            }

            if (entry.AlertSeverity is < 1 or > 5)
            {
                return (null, null, "alertSeverity is from 1 to 5");
            }

            var (filter, problem) = FilterSyntax.Apply(SubscriptionFilter.None, Tokens(entry.Filter), topic);
            if (filter is null)
            {
                return (null, null, $"In {topic.Name}: {problem}");
            }

            result.Add(template with
            {
                Topic = topic.Name,
                Digest = new DigestSchedule(entry.Digest, at, zone.Id),
                DigestChart = entry.Chart ?? true,
                AlertsEnabled = entry.Alerts,
                AlertMinSeverity = entry.AlertSeverity,
                Filter = filter,
            });
        }

        QuietHours? quiet = null;
        if (document.Quiet is { } q)
        {
            if (!TimeOnly.TryParseExact(q.Start ?? "", ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(q.End ?? "", ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || !ZonedTime.TryFindZone(q.TimeZone ?? "", out var quietZone))
            {
                return (null, null, "quiet needs start and end as HH:MM and an IANA time zone");
            }

            quiet = new QuietHours(start, end, quietZone.Id);
        }

        return (result, quiet, null);
    }

    private static List<string> Tokens(FilterEntry? f)
    {
        if (f is null)
        {
            return [];
        }

        var tokens = new List<string>();
        Add("kinds", f.Kinds);
        Add("places", f.Places);
        Add("actors", f.Actors);
        Add("include", f.Include);
        Add("exclude", f.Exclude);
        if (f.MinSeverity is { } severity)
        {
            tokens.Add($"severity>={severity.ToString(CultureInfo.InvariantCulture)}");
        }

        return tokens;

        void Add(string name, IReadOnlyList<string>? values)
        {
            if (values is { Count: > 0 })
            {
                tokens.Add($"{name}={string.Join(",", values)}");
            }
        }
    }

    private static string Clip(string text) => TargetSubscriptions.Clip(text);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 8)]
[JsonSerializable(typeof(SettingsDocument))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
