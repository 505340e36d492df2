namespace Watchbot.Telegram.Api.Types;

public sealed record User
{
    public long Id { get; init; }
    public bool IsBot { get; init; }
    public string FirstName { get; init; } = "";
    public string? LastName { get; init; }
    public string? Username { get; init; }
}
