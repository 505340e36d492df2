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

    /// <summary>The problems with these settings, each one sentence naming the setting and the fix; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Token) || Token.Any(char.IsWhiteSpace))
        {
            problems.Add("Watchbot:Discord:Token is empty or has spaces; set the environment variable Watchbot__Discord__Token to the bot token from the Developer Portal (Bot page).");
        }

        if (!Snowflake.IsValid(ApplicationId))
        {
            problems.Add("Watchbot:Discord:ApplicationId is missing or not a number; set the environment variable Watchbot__Discord__ApplicationId to the Application ID from the Developer Portal (General Information).");
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Watchbot:Discord:ApiBaseUrl is '{ApiBaseUrl}'; set it to an http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrEmpty(GatewayUrl) && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
        {
            problems.Add($"Watchbot:Discord:GatewayUrl is '{GatewayUrl}'; set it to a ws:// or wss:// URL, or remove it to ask Discord (GET /gateway/bot).");
        }

        if (!string.IsNullOrEmpty(DevGuildId) && !Snowflake.IsValid(DevGuildId))
        {
            problems.Add($"Watchbot:Discord:DevGuildId is '{DevGuildId}'; set it to a server id (right-click the server, Copy Server ID) or remove it to register commands globally.");
        }

        if (ShardCount < 1 || ShardId < 0 || ShardId >= ShardCount)
        {
            problems.Add($"Watchbot:Discord:ShardId {ShardId} and ShardCount {ShardCount} do not fit; ShardCount is at least 1 and ShardId is from 0 to ShardCount-1.");
        }

        if (GlobalRequestsPerSecond is < 1 or > 10_000)
        {
            problems.Add("Watchbot:Discord:GlobalRequestsPerSecond must be between 1 and 10000 (Discord's default is 50).");
        }

        if (InvalidRequestBudget is < 1 or > 9_000)
        {
            problems.Add("Watchbot:Discord:InvalidRequestBudget must be between 1 and 9000, well under Discord's 10,000 per 10 minutes.");
        }

        if (MaxAttempts is < 1 or > 20)
        {
            problems.Add("Watchbot:Discord:MaxAttempts must be between 1 and 20.");
        }

        if (GatewaySendsPerMinute is < 10 or > 120)
        {
            problems.Add("Watchbot:Discord:GatewaySendsPerMinute must be between 10 and 120.");
        }

        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(RetryBase, nameof(RetryBase));
        Positive(RetryMaxDelay, nameof(RetryMaxDelay));
        Positive(EdgeBlockPause, nameof(EdgeBlockPause));
        Positive(MissingPermissionRetry, nameof(MissingPermissionRetry));
        Positive(DeferAfter, nameof(DeferAfter));
        Positive(ReconnectMinDelay, nameof(ReconnectMinDelay));
        if (AnswerWithin <= DeferAfter || AnswerWithin > TimeSpan.FromMinutes(15))
        {
            problems.Add($"Watchbot:Discord:AnswerWithin is {AnswerWithin}; it must be longer than DeferAfter and at most 00:15:00, when Discord stops accepting the answer.");
        }

        Positive(ReconnectMaxDelay, nameof(ReconnectMaxDelay));
        if (DeferAfter >= TimeSpan.FromSeconds(3))
        {
            problems.Add("Watchbot:Discord:DeferAfter must be under 3 seconds, or Discord drops the interaction; 00:00:01.500 is a good value.");
        }

        return problems;

        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            {
                problems.Add($"Watchbot:Discord:{name} is {value}; it must be more than zero and at most an hour, written as hh:mm:ss.");
            }
        }
    }
}
