using System.Net;

namespace Watchbot.Discord.Rest;

/// <summary>The JSON error codes the bot acts on.</summary>
public enum DiscordErrorCode
{
    None = 0,
    UnknownChannel = 10003,
    UnknownInteraction = 10062,
    AlreadyAcknowledged = 40060,
    MissingAccess = 50001,
    CannotSendMessagesToThisUser = 50007,
    InvalidWebhookToken = 50027,
    MissingPermissions = 50013,
    InvalidFormBody = 50035,
}

/// <summary>Discord refused a call (4xx other than 429). <see cref="Code"/> is the JSON error code.</summary>
public class DiscordApiException(HttpStatusCode status, int code, string message, string route)
    : Exception($"Discord answered {(int)status} (code {code}: {message}) to {route}")
{
    public HttpStatusCode Status { get; } = status;

    public int Code { get; } = code;

    public DiscordErrorCode ErrorCode => Enum.IsDefined(typeof(DiscordErrorCode), Code) ? (DiscordErrorCode)Code : DiscordErrorCode.None;

    public string DiscordMessage { get; } = message;

    /// <summary>The bot lost the channel for good: no access, unknown channel, or a user who takes no DMs. A missing
    /// permission (50013) is not: an admin can grant it in a minute.</summary>
    public bool ChannelIsGone => ErrorCode is DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess
        or DiscordErrorCode.CannotSendMessagesToThisUser;
}

/// <summary>A passing failure (5xx, timeout, rate limit) that outlived the client's own retries.</summary>
public sealed class DiscordTransientException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
