namespace Watchbot.Host.Configuration;

/// <summary>Everything under "Watchbot" in appsettings.json and the environment (Watchbot__Storage__Path, ...).</summary>
public sealed class WatchbotOptions
{
    public const string Section = "Watchbot";

    public StorageOptions Storage { get; set; } = new();
    public ScheduleOptions Schedule { get; set; } = new();
    public DigestOptions Digest { get; set; } = new();
    public DeliveryOptions Delivery { get; set; } = new();
    public ConsoleOptions Console { get; set; } = new();
    public IngestOptions Ingest { get; set; } = new();
    public CommandOptions Commands { get; set; } = new();

    /// <summary>The web page `watchbot run` serves: timelines, feeds, the curators' review queue, /health.</summary>
    public Watchbot.Web.WebOptions Web { get; set; } = new();

    /// <summary>Where articles come from: folders, RSS/Atom feeds and single pages, read by the ingest job.</summary>
    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>"telegram:&lt;id&gt;", "discord:&lt;id&gt;", "console:local".</summary>
    public List<string> Owners { get; set; } = [];

    /// <summary>The topics file admins edit; relative paths are beside the program.</summary>
    public string TopicsFile { get; set; } = "config/topics.json";
}

/// <summary>Flood control per person: a burst of commands, then one more each <see cref="RefillEvery"/>. Owners are never slowed.</summary>
public sealed class CommandOptions
{
    public int Burst { get; set; } = 8;
    public TimeSpan RefillEvery { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class StorageOptions
{
    public string Path { get; set; } = "data/watchbot.db";

    /// <summary>The most the database file may grow to, in MB; 0 for no limit but the disk's.</summary>
    public int MaxSizeMb { get; set; }

    /// <summary>Delivered (or given-up) outbox messages older than this many days are deleted, with the digest bodies
    /// no message needs any more; 0 keeps them forever.</summary>
    public int KeepSentDays { get; set; } = 30;
}

public sealed class ScheduleOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan IngestInterval { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class DigestOptions
{
    public string DefaultTime { get; set; } = "08:00";
    public string DefaultTimeZone { get; set; } = "UTC";
    public bool SendEmpty { get; set; }
    public TimeSpan FirstDigestLookback { get; set; } = TimeSpan.FromHours(24);
    /// <summary>The most events one digest holds: the most severe (newest first among equals); the footer counts the rest
    /// and points to /latest.</summary>
    public int MaxEvents { get; set; } = 200;
    public bool RecapOnSubscribe { get; set; } = true;

    /// <summary>Whether digests carry the chart of the topic's killed and wounded over the last 30 days (each subscription
    /// can still turn it off with /digest &lt;topic&gt; chart off); false draws none at all.</summary>
    public bool Charts { get; set; } = true;

    /// <summary>How many due digests are composed and queued in one transaction.</summary>
    public int BatchSize { get; set; } = 1000;
}

public sealed class DeliveryOptions
{
    public int MaxAttempts { get; set; } = 8;
    public int Parallelism { get; set; } = 8;
}

public sealed class ConsoleOptions
{
    /// <summary>Run the console chat in `run` mode when no platform token is set.</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class IngestOptions
{
    /// <summary>How long one HTTP fetch (a feed or a page) may take before it is logged and skipped.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many items of one feed are read a run (newest first, as the feed lists them).</summary>
    public int MaxFeedItems { get; set; } = 50;

    /// <summary>Pages fetched at once, in all and from any one host (a feed's pages come in parallel, politely).</summary>
    public int MaxFetches { get; set; } = 6;

    /// <summary>Pages fetched at once from one host.</summary>
    public int MaxFetchesPerHost { get; set; } = 2;

    /// <summary>Articles stored in one transaction: all of them or none (a killed ingest stores none of the batch it was in,
    /// and reads those articles again next run). Larger batches ingest faster and hold the store's write lock longer.</summary>
    public int BatchArticles { get; set; } = 100;

    /// <summary>Threads that extract articles at once (extraction is most of an article's cost); 0, the default, is one per
    /// processor for `watchbot ingest` and `eval`, and one for the bot's scheduled ingest (less memory). What is stored is
    /// the same whatever the number.</summary>
    public int ExtractWorkers { get; set; }

    /// <summary>Extracted events with a lower confidence wait for a curator's review.</summary>
    public double ReviewBelow { get; set; } = 0.5;

    /// <summary>The extractor's gazetteer and lexicons; relative paths are beside the program.</summary>
    public string ConfigDirectory { get; set; } = "config";
}

public sealed class SourceOptions
{
    /// <summary>folder, feed or page.</summary>
    public string Kind { get; set; } = "folder";

    /// <summary>A folder of .txt, .md and .html files (kind folder); relative paths are beside the program.</summary>
    public string? Path { get; set; }

    /// <summary>An RSS 2.0 or Atom feed (kind feed) or one article page (kind page).</summary>
    public string? Url { get; set; }
}
