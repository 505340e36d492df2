using Microsoft.Extensions.Options;

namespace Watchbot.Discord;

/// <summary>Checks the Discord options; each problem is one sentence that names the setting and the fix, never the token.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    /// <summary>The problems with these settings; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(DiscordOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Any(char.IsWhiteSpace))
        {
            problems.Add("Watchbot:Discord:Token is empty or has spaces; set the environment variable Watchbot__Discord__Token to the bot token from the Developer Portal (Bot page).");
        }

        if (!Snowflake.IsValid(options.ApplicationId))
        {
            problems.Add("Watchbot:Discord:ApplicationId is missing or not a number; set the environment variable Watchbot__Discord__ApplicationId to the Application ID from the Developer Portal (General Information).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Watchbot:Discord:ApiBaseUrl is '{options.ApiBaseUrl}'; set it to an http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrEmpty(options.GatewayUrl) && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
        {
            problems.Add($"Watchbot:Discord:GatewayUrl is '{options.GatewayUrl}'; set it to a ws:// or wss:// URL, or remove it to ask Discord (GET /gateway/bot).");
        }

        if (!string.IsNullOrEmpty(options.DevGuildId) && !Snowflake.IsValid(options.DevGuildId))
        {
            problems.Add($"Watchbot:Discord:DevGuildId is '{options.DevGuildId}'; set it to a server id (right-click the server, Copy Server ID) or remove it to register commands globally.");
        }

        if (options.ShardCount < 1 || options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            problems.Add($"Watchbot:Discord:ShardId {options.ShardId} and ShardCount {options.ShardCount} do not fit; ShardCount is at least 1 and ShardId is from 0 to ShardCount-1.");
        }

        if (options.GlobalRequestsPerSecond is < 1 or > 10_000)
        {
            problems.Add("Watchbot:Discord:GlobalRequestsPerSecond must be between 1 and 10000 (Discord's default is 50).");
        }

        if (options.InvalidRequestBudget is < 1 or > 9_000)
        {
            problems.Add("Watchbot:Discord:InvalidRequestBudget must be between 1 and 9000, well under Discord's 10,000 per 10 minutes.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            problems.Add("Watchbot:Discord:MaxAttempts must be between 1 and 20.");
        }

        if (options.GatewaySendsPerMinute is < 10 or > 120)
        {
            problems.Add("Watchbot:Discord:GatewaySendsPerMinute must be between 10 and 120.");
        }

        Positive(options.RequestTimeout, nameof(options.RequestTimeout));
        Positive(options.RetryBase, nameof(options.RetryBase));
        Positive(options.RetryMaxDelay, nameof(options.RetryMaxDelay));
        Positive(options.EdgeBlockPause, nameof(options.EdgeBlockPause));
        Positive(options.MissingPermissionRetry, nameof(options.MissingPermissionRetry));
        Positive(options.DeferAfter, nameof(options.DeferAfter));
        Positive(options.ReconnectMinDelay, nameof(options.ReconnectMinDelay));
        if (options.AnswerWithin <= options.DeferAfter || options.AnswerWithin > TimeSpan.FromMinutes(15))
        {
            problems.Add($"Watchbot:Discord:AnswerWithin is {options.AnswerWithin}; it must be longer than DeferAfter and at most 00:15:00, when Discord stops accepting the answer.");
        }

        Positive(options.ReconnectMaxDelay, nameof(options.ReconnectMaxDelay));
        if (options.DeferAfter >= TimeSpan.FromSeconds(3))
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
