using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Watchbot.Core.Time;
using Watchbot.Host.Ingest;
using Watchbot.Web;

namespace Watchbot.Host.Configuration;

/// <summary>Checks the Watchbot section (platforms have their own validators): one sentence per bad setting, naming the
/// setting and the fix.</summary>
public sealed partial class WatchbotOptionsValidator : IValidateOptions<WatchbotOptions>
{
    public ValidateOptionsResult Validate(string? name, WatchbotOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    /// <summary>The problems with these settings; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(WatchbotOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Storage.Path))
        {
            problems.Add("Watchbot:Storage:Path is empty; set it to a file path such as data/watchbot.db.");
        }

        if (options.Storage.KeepSentDays is < 0 or > 36500)
        {
            problems.Add("Watchbot:Storage:KeepSentDays must be between 0 (keep delivered messages forever) and 36500.");
        }

        if (options.Storage.MaxSizeMb < 0)
        {
            problems.Add("Watchbot:Storage:MaxSizeMb is negative; set the most the database may grow to in MB, or 0 for no limit.");
        }

        Positive(options.Schedule.PollInterval, "Watchbot:Schedule:PollInterval", problems);
        Positive(options.Schedule.DigestInterval, "Watchbot:Schedule:DigestInterval", problems);
        Positive(options.Schedule.DeliveryInterval, "Watchbot:Schedule:DeliveryInterval", problems);
        Positive(options.Schedule.IngestInterval, "Watchbot:Schedule:IngestInterval", problems);
        Positive(options.Ingest.FetchTimeout, "Watchbot:Ingest:FetchTimeout", problems);
        Between(options.Ingest.BatchArticles, 1, 10_000, "Watchbot:Ingest:BatchArticles", problems);

        if (options.Ingest.ExtractWorkers is < 0 or > 64)
        {
            problems.Add("Watchbot:Ingest:ExtractWorkers must be between 0 (one per processor) and 64.");
        }

        Between(options.Ingest.MaxFeedItems, 1, 1000, "Watchbot:Ingest:MaxFeedItems", problems);

        if (options.Ingest.MaxFetches is < 1 or > 64 || options.Ingest.MaxFetchesPerHost is < 1 or > 16 || options.Ingest.MaxFetchesPerHost > options.Ingest.MaxFetches)
        {
            problems.Add("Watchbot:Ingest:MaxFetches must be between 1 and 64 and Watchbot:Ingest:MaxFetchesPerHost between 1 and 16, and not above MaxFetches.");
        }

        if (options.Ingest.ReviewBelow is < 0 or > 1)
        {
            problems.Add("Watchbot:Ingest:ReviewBelow must be between 0 and 1 (0.5 sends events under half confidence to review).");
        }

        for (var i = 0; i < options.Sources.Count; i++)
        {
            if (SourceSpec.From(options.Sources[i]) is { Error: { } error })
            {
                problems.Add($"Watchbot:Sources:{i} {error}");
            }
        }
        if (!TimeOnly.TryParseExact(options.Digest.DefaultTime, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"Watchbot:Digest:DefaultTime is '{options.Digest.DefaultTime}'; write a time of day as HH:mm, such as 08:00.");
        }

        if (!ZonedTime.TryFindZone(options.Digest.DefaultTimeZone, out _))
        {
            problems.Add($"Watchbot:Digest:DefaultTimeZone is '{options.Digest.DefaultTimeZone}', which is not a time zone; use an IANA name such as UTC or Asia/Yerevan.");
        }

        Between(options.Digest.MaxEvents, 1, 10_000, "Watchbot:Digest:MaxEvents", problems);

        if (options.Digest.BatchSize is < 1 or > 100_000)
        {
            problems.Add($"Watchbot:Digest:BatchSize is {options.Digest.BatchSize}; it must be between 1 and 100000 (1000 is a good size).");
        }

        Between(options.Delivery.MaxAttempts, 1, 100, "Watchbot:Delivery:MaxAttempts", problems);
        Between(options.Delivery.Parallelism, 1, 256, "Watchbot:Delivery:Parallelism", problems);
        Between(options.Commands.Burst, 1, 1000, "Watchbot:Commands:Burst", problems);

        Positive(options.Commands.RefillEvery, "Watchbot:Commands:RefillEvery", problems);
        problems.AddRange(WebOptionsValidator.Problems(options.Web));

        foreach (var owner in options.Owners.Where(o => !OwnerPattern().IsMatch(o)))
        {
            problems.Add($"Watchbot:Owners has '{owner}'; write each owner as telegram:<id>, discord:<id> or console:local.");
        }

        return problems;
    }

    private static void Between(int value, int min, int max, string key, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add($"{key} must be between {min} and {max}.");
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> problems)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            problems.Add($"{key} is {value}; it must be more than zero and at most a day, written as hh:mm:ss (for example 00:01:00).");
        }
    }

    [GeneratedRegex(@"^[a-z]+:[A-Za-z0-9_\-]{1,64}$")]
    private static partial Regex OwnerPattern();
}
