using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Sending;

using Watchbot.Fakes;
namespace Watchbot.Telegram.Tests.Support;

/// <summary>Options, client and sender pointed at a fake Bot API server.</summary>
public static class Telegram
{
    public static TelegramOptions Options(FakeBotApiServer fake, Action<TelegramOptions>? change = null)
    {
        var options = new TelegramOptions
        {
            Token = fake.Token,
            ApiBaseUrl = fake.BaseUrl,
            RequestTimeout = TimeSpan.FromSeconds(2),
            PerChatInterval = TimeSpan.Zero,
            GlobalPerSecond = 1000,
            MaxInlineWait = TimeSpan.FromSeconds(5),
        };
        change?.Invoke(options);
        return options;
    }

    public static BotApi Api(TelegramOptions options, ListLogger<BotApi>? logger = null, HttpMessageHandler? handler = null) =>
        new(BotApi.CreateClient(options, Watchbot.Fakes.TestHttp.Client(handler)), options, logger);

    public static TelegramSender Sender(TelegramOptions options, ListLogger<TelegramSender>? logger = null) =>
        new(Api(options), new TelegramRateLimiter(options, TimeProvider.System), options, TimeProvider.System, logger ?? new ListLogger<TelegramSender>());
}
