namespace Watchbot.Core.Subscriptions;

/// <summary>Daily hours without alerts, in an IANA zone; may cross midnight (22:00-07:00).</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZone);

/// <summary>A chat's (or a person's private chat's) alert holds. Held alerts are never dropped: they arrive as
/// one catch-up message when the quiet time or the snooze ends.</summary>
public sealed record ChatSettings(ChatAddress Chat, QuietHours? Quiet, DateTimeOffset? SnoozeUntil)
{
    public static ChatSettings None(ChatAddress chat) => new(chat, null, null);
}
