namespace Watchbot.Telegram.Api.Types;

public sealed record WebhookInfo
{
    public string Url { get; init; } = "";
    public int PendingUpdateCount { get; init; }
    public string? LastErrorMessage { get; init; }
}
