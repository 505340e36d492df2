namespace Watchbot.Core.Delivery;

/// <summary>What a transport says about one send. Transports never throw for platform answers.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult() { }

    /// <summary>Sent; the platform's id of the (last) message, if it gives one.</summary>
    public sealed record Delivered(string? PlatformMessageId) : DeliveryResult;

    /// <summary>A passing failure (rate limit, 5xx, timeout): try again after the delay.</summary>
    public sealed record Retry(TimeSpan After, string Reason) : DeliveryResult;

    /// <summary>A failure that retrying will not fix (bad request): give this message up.</summary>
    public sealed record Failed(string Reason) : DeliveryResult;

    /// <summary>The chat is there but the bot may not post in it until someone grants a permission: hold the chat's
    /// messages (its subscriptions stay) until <paramref name="RetryAfter"/> has passed or the chat is resumed. A pause
    /// is not an attempt: the message is never given up for it.</summary>
    public sealed record ChatPaused(TimeSpan RetryAfter, string Reason) : DeliveryResult;

    /// <summary>The chat is gone for us (blocked, kicked, no access): deactivate its subscriptions.</summary>
    public sealed record ChatGone(string Reason) : DeliveryResult;

    /// <summary>The chat has a new id (a Telegram group became a supergroup): move and resend.</summary>
    public sealed record ChatMoved(string NewChatId) : DeliveryResult;
}
