namespace Watchbot.Core.Subscriptions;

/// <summary>Where messages go: a chat on a platform, named as its transport names itself.</summary>
public sealed record ChatAddress(string Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}
