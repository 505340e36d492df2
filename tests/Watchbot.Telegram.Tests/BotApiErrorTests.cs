using Watchbot.Telegram.Api;

namespace Watchbot.Telegram.Tests;

public sealed class BotApiErrorTests
{
    [Theory]
    [InlineData(429, "Too Many Requests: retry after 7", BotApiErrorKind.Flood)]
    [InlineData(403, "Forbidden: bot was blocked by the user", BotApiErrorKind.Blocked)]
    [InlineData(403, "Forbidden: user is deactivated", BotApiErrorKind.Blocked)]
    [InlineData(403, "Forbidden: bot was kicked from the group chat", BotApiErrorKind.Kicked)]
    [InlineData(403, "Forbidden: bot was kicked from the supergroup chat", BotApiErrorKind.Kicked)]
    [InlineData(403, "Forbidden: bot is not a member of the channel chat", BotApiErrorKind.Kicked)]
    [InlineData(403, "Forbidden: bot can't initiate conversation with a user", BotApiErrorKind.Forbidden)]
    [InlineData(400, "Bad Request: chat not found", BotApiErrorKind.ChatNotFound)]
    [InlineData(400, "Bad Request: message is too long", BotApiErrorKind.MessageTooLong)]
    [InlineData(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same", BotApiErrorKind.NotModified)]
    [InlineData(400, "Bad Request: can't parse entities: Unsupported start tag \"div\"", BotApiErrorKind.BadRequest)]
    [InlineData(401, "Unauthorized", BotApiErrorKind.Unauthorized)]
    [InlineData(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", BotApiErrorKind.Conflict)]
    [InlineData(502, "Bad Gateway", BotApiErrorKind.ServerError)]
    [InlineData(404, "Not Found", BotApiErrorKind.Other)]
    public void Each_documented_error_maps_to_its_kind(int code, string description, BotApiErrorKind expected) =>
        Assert.Equal(expected, BotApiError.Classify(code, description, null, null).Kind);

    [Fact]
    public void A_migrated_group_carries_its_new_64_bit_id()
    {
        var error = BotApiError.Classify(400, "Bad Request: group chat was upgraded to a supergroup chat", null, -1001234567890);

        Assert.Equal(BotApiErrorKind.Migrated, error.Kind);
        Assert.Equal(-1001234567890, error.MigrateToChatId);
    }

    [Fact]
    public void A_flood_error_carries_retry_after_as_a_time_span()
    {
        var error = BotApiError.Classify(429, "Too Many Requests: retry after 7", 7, null);

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.True(error.IsTransient);
        Assert.False(error.IsChatGone);
    }

    [Theory]
    [InlineData(BotApiErrorKind.Blocked, true)]
    [InlineData(BotApiErrorKind.Kicked, true)]
    [InlineData(BotApiErrorKind.ChatNotFound, true)]
    [InlineData(BotApiErrorKind.BadRequest, false)]
    [InlineData(BotApiErrorKind.ServerError, false)]
    public void Only_blocked_kicked_forbidden_and_missing_chats_are_gone(BotApiErrorKind kind, bool gone) =>
        Assert.Equal(gone, new BotApiError(kind, 400, "x").IsChatGone);
}
