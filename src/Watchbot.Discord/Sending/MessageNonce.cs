using System.Globalization;

namespace Watchbot.Discord.Sending;

/// <summary>The nonce of one part of a queued message: "w{outbox id}p{part}", at most 24 characters (Discord takes
/// 25). Sent with enforce_nonce, so a post retried after its answer was lost returns the message instead of a copy.</summary>
public static class MessageNonce
{
    public const int MaxLength = 25;

    public static string For(long messageId, int part) => string.Create(CultureInfo.InvariantCulture, $"w{messageId}p{part}");
}
