namespace Watchbot.Telegram.Api.Types;

/// <summary>A press on an inline keyboard button. It must always be answered with answerCallbackQuery.</summary>
public sealed record CallbackQuery
{
    public string Id { get; init; } = "";
    public required User From { get; init; }
    public Message? Message { get; init; }
    public string? Data { get; init; }
}
