using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Watchbot.Core.Time;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Configuration;

/// <summary>Binds and validates the options at start-up, so a bad setting stops the program with one clear sentence.</summary>
public static partial class OptionsLoader
{
    public static WatchbotOptions Load(IConfiguration configuration)
    {
        var options = new WatchbotOptions();
        try
        {
            configuration.GetSection(WatchbotOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsError(Explain(ex, configuration));
        }

        Validate(options);
        RequirePaths(options);
        return options;
    }

    /// <summary>Folders the bot reads from must exist at start: a source or extractor configuration pointing nowhere
    /// would otherwise only fail, quietly, at every ingest.</summary>
    public static void RequirePaths(WatchbotOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var spec = SourceSpec.From(options.Sources[i]);
            if (spec is { Error: null, Kind: SourceKind.Folder } && !Directory.Exists(spec.Location) && !File.Exists(spec.Location))
            {
                problems.Add($"Watchbot:Sources:{i}:Path is '{options.Sources[i].Path}', but {spec.Location} does not exist; create it or point Path at a folder of articles.");
            }
        }

        var config = Paths.BesideProgram(options.Ingest.ConfigDirectory);
        if (!Directory.Exists(config))
        {
            problems.Add($"Watchbot:Ingest:ConfigDirectory is '{options.Ingest.ConfigDirectory}', but {config} does not exist; point it at the folder holding the extractor's configuration (config/).");
        }

        if (problems.Count > 0)
        {
            throw new OptionsError(string.Join(Environment.NewLine, problems));
        }
    }

    public static void Validate(WatchbotOptions options)
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
        if (options.Ingest.BatchArticles is < 1 or > 10_000)
        {
            problems.Add("Watchbot:Ingest:BatchArticles must be between 1 and 10000.");
        }

        if (options.Ingest.ExtractWorkers is < 0 or > 64)
        {
            problems.Add("Watchbot:Ingest:ExtractWorkers must be between 0 (one per processor) and 64.");
        }

        if (options.Ingest.MaxFeedItems is < 1 or > 1000)
        {
            problems.Add("Watchbot:Ingest:MaxFeedItems must be between 1 and 1000.");
        }

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

        if (options.Digest.MaxEvents is < 1 or > 10_000)
        {
            problems.Add("Watchbot:Digest:MaxEvents must be between 1 and 10000.");
        }

        if (options.Digest.BatchSize is < 1 or > 100_000)
        {
            problems.Add($"Watchbot:Digest:BatchSize is {options.Digest.BatchSize}; it must be between 1 and 100000 (1000 is a good size).");
        }

        if (options.Delivery.MaxAttempts is < 1 or > 100)
        {
            problems.Add("Watchbot:Delivery:MaxAttempts must be between 1 and 100.");
        }

        if (options.Delivery.Parallelism is < 1 or > 256)
        {
            problems.Add("Watchbot:Delivery:Parallelism must be between 1 and 256.");
        }

        if (options.Commands.Burst is < 1 or > 1000)
        {
            problems.Add("Watchbot:Commands:Burst must be between 1 and 1000.");
        }

        Positive(options.Commands.RefillEvery, "Watchbot:Commands:RefillEvery", problems);
        problems.AddRange(options.Web.Problems());

        foreach (var owner in options.Owners.Where(o => !OwnerPattern().IsMatch(o)))
        {
            problems.Add($"Watchbot:Owners has '{owner}'; write each owner as telegram:<id>, discord:<id> or console:local.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsError(string.Join(Environment.NewLine, problems));
        }
    }

    private static void Positive(TimeSpan value, string key, List<string> problems)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            problems.Add($"{key} is {value}; it must be more than zero and at most a day, written as hh:mm:ss (for example 00:01:00).");
        }
    }

    /// <summary>The binder says "Failed to convert configuration value 'x' at 'Watchbot:...' to type 'System.TimeSpan'";
    /// say it in the user's terms.</summary>
    private static string Explain(InvalidOperationException ex, IConfiguration configuration)
    {
        var message = ex.Message + " " + ex.InnerException?.Message;
        var match = BinderMessage().Match(message);
        if (!match.Success)
        {
            return $"A setting under Watchbot has a value of the wrong type ({ex.Message}); fix it in appsettings.json or the environment.";
        }

        var key = match.Groups["key"].Value;
        var type = match.Groups["type"].Value;
        var value = configuration[key];
        var expected = type switch
        {
            "System.TimeSpan" => "a time span written as hh:mm:ss, such as 00:01:00",
            "System.Int32" => "a whole number",
            "System.Boolean" => "true or false",
            _ => $"a {type}",
        };
        return $"The setting {key} is '{value}', which is not {expected}; fix it in appsettings.json or the environment.";
    }

    [GeneratedRegex(@"^[a-z]+:[A-Za-z0-9_\-]{1,64}$")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}
