using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Watchbot.Telegram;

/// <summary>Checks the Telegram options; each problem is one sentence that names the setting and the fix, never the token.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    /// <summary>The problems with these settings; empty when usable.</summary>
    public static IReadOnlyList<string> Problems(TelegramOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            problems.Add("Watchbot:Telegram:Token is empty; set the environment variable Watchbot__Telegram__Token to the token @BotFather gave you.");
        }
        else if (!TokenPattern().IsMatch(options.Token))
        {
            problems.Add("Watchbot:Telegram:Token does not look like a bot token (digits, a colon, then letters, digits, _ and -); copy it again from @BotFather into Watchbot__Telegram__Token.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Watchbot:Telegram:ApiBaseUrl is '{Shown(options.ApiBaseUrl, options)}'; set it to https://api.telegram.org or the address of your local Bot API server (without /bot and the token: Watchbot adds them).");
        }
        else if (api.AbsolutePath != "/" || api.Query.Length > 0)
        {
            // Telegram.Bot keeps only the scheme, host and port: a path would be dropped without a word.
            problems.Add($"Watchbot:Telegram:ApiBaseUrl is '{Shown(options.ApiBaseUrl, options)}'; give only the scheme, host and port (such as http://127.0.0.1:8081): a path is not used, and /bot with the token is added by Watchbot.");
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            problems.Add("Watchbot:Telegram:PollTimeoutSeconds must be between 0 and 50 (30 is a good choice).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Watchbot:Telegram:RequestTimeout must be more than zero and at most 00:05:00.");
        }

        if (options.GlobalPerSecond is <= 0 or > 1000)
        {
            problems.Add("Watchbot:Telegram:GlobalPerSecond must be more than 0 and at most 1000 (Telegram allows about 30).");
        }

        if (options.PerChatInterval < TimeSpan.Zero || options.PerChatInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add("Watchbot:Telegram:PerChatInterval must be between 00:00:00 and 00:01:00 (Telegram allows about one message a second in a chat).");
        }

        if (options.GroupPerMinute is < 1 or > 1000)
        {
            problems.Add("Watchbot:Telegram:GroupPerMinute must be between 1 and 1000 (Telegram allows 20).");
        }

        if (options.MaxInlineWait < TimeSpan.Zero || options.MaxInlineWait > TimeSpan.FromMinutes(1))
        {
            problems.Add("Watchbot:Telegram:MaxInlineWait must be between 00:00:00 and 00:01:00.");
        }

        if (options.AdminCacheTime < TimeSpan.Zero || options.AdminCacheTime > TimeSpan.FromHours(1))
        {
            problems.Add("Watchbot:Telegram:AdminCacheTime must be between 00:00:00 and 01:00:00.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            ValidateWebhook(options, problems);
        }

        return problems;
    }

    private static void ValidateWebhook(TelegramOptions options, List<string> problems)
    {
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("Watchbot:Telegram:WebhookUrl must be the public https:// address Telegram posts updates to when Watchbot:Telegram:Mode is webhook.");
        }

        if (string.IsNullOrEmpty(options.WebhookSecret) || !SecretPattern().IsMatch(options.WebhookSecret))
        {
            problems.Add("Watchbot:Telegram:WebhookSecret must be set in webhook mode to 1-256 characters of A-Z, a-z, 0-9, _ and - (set it in the environment as Watchbot__Telegram__WebhookSecret).");
        }

        if (!Uri.TryCreate(options.WebhookListenUrl, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp && listen.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"Watchbot:Telegram:WebhookListenUrl is '{Shown(options.WebhookListenUrl, options)}'; set it to the address the endpoint listens on, such as http://0.0.0.0:8443.");
        }
    }

    /// <summary>A setting's value as a problem may quote it: a token pasted into the wrong setting stays out.</summary>
    private static string Shown(string? value, TelegramOptions options) => Api.TokenRedactor.Redact(value, options.Token);

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
