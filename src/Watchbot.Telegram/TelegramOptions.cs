namespace Watchbot.Telegram;

public enum TelegramMode { Polling, Webhook }

/// <summary>Everything under "Watchbot:Telegram". The token comes from the environment (Watchbot__Telegram__Token) only.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Watchbot:Telegram";

    /// <summary>The bot token from @BotFather. Secret: never logged, never in a committed file.</summary>
    public string Token { get; set; } = "";

    /// <summary>https://api.telegram.org, a local Bot API server, or a test's fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>How long one getUpdates call waits for updates (long polling), in seconds.</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>How long any other Bot API call may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The public HTTPS address Telegram posts updates to (webhook mode), such as https://bot.example.org/telegram.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Telegram sends it back in X-Telegram-Bot-Api-Secret-Token: 1-256 characters of A-Z, a-z, 0-9, _ and -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where the webhook endpoint listens (behind your reverse proxy), such as http://0.0.0.0:8443.</summary>
    public string WebhookListenUrl { get; set; } = "http://0.0.0.0:8443";

    /// <summary>Messages a second to all chats together (Telegram: about 30).</summary>
    public double GlobalPerSecond { get; set; } = 30;

    /// <summary>Least time between two messages to one chat (Telegram: about one a second).</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages a minute to one group (Telegram: 20).</summary>
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>A wait longer than this is not sat out inside a send: the message is handed back to be retried later.</summary>
    public TimeSpan MaxInlineWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a user's admin status in a group (getChatMember) is trusted.</summary>
    public TimeSpan AdminCacheTime { get; set; } = TimeSpan.FromMinutes(2);
}
