namespace Watchbot.Core.Subscriptions;

/// <summary>Where messages go: a chat on a platform ("telegram", "discord", "console").</summary>
public sealed record ChatAddress(string Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}
