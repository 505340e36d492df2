namespace Watchbot.Discord;

/// <summary>Everything under "Watchbot:Discord". Token and ApplicationId come from the environment only
/// (Watchbot__Discord__Token, Watchbot__Discord__ApplicationId); the token is never logged.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Watchbot:Discord";

    public string? Token { get; set; }

    /// <summary>The application id (a snowflake) from the Developer Portal's General Information page.</summary>
    public string? ApplicationId { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the URL from GET /gateway/bot (a local fake, a proxy). v=10&amp;encoding=json is added.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Registers the slash commands to this guild only (instant updates while developing) instead of globally.</summary>
    public string? DevGuildId { get; set; }

    public int ShardId { get; set; }

    public int ShardCount { get; set; } = 1;

    /// <summary>Discord's global limit: requests a second across every route (interactions excepted).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Stop sending for a while before 401/403/429 answers reach this many in 10 minutes (Discord bans at 10,000).</summary>
    public int InvalidRequestBudget { get; set; } = 2500;

    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First delay before retrying a 5xx or a timeout; the ceiling doubles each attempt up to
    /// <see cref="RetryMaxDelay"/>, and each delay is a random point in the upper half of its ceiling.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts of one request.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long REST calls stop after Discord's edge (Cloudflare) answered 429 without Discord's JSON: a
    /// temporary IP ban for too many invalid requests, which more requests only prolong.</summary>
    public TimeSpan EdgeBlockPause { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a channel's deliveries wait after Discord said the bot lacks a permission there (50013),
    /// unless a command from the channel resumes them sooner.</summary>
    public TimeSpan MissingPermissionRetry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a command may take before the interaction is deferred (Discord allows 3 seconds).</summary>
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a deferred command may take before its answer says so (Discord lets the original response be
    /// edited for 15 minutes after the interaction).</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromMinutes(14);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Least time between two Identify payloads (Discord: one per 5 seconds per max_concurrency bucket).</summary>
    public TimeSpan IdentifySpacing { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gateway sends allowed per minute (Discord closes the socket beyond 120).</summary>
    public int GatewaySendsPerMinute { get; set; } = 110;

}
