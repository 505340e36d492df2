using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>The real host (HostMode.Run) with its Telegram transport pointed at a fake Bot API server.</summary>
public sealed class TelegramBot : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TelegramBot(IHost host) => Host = host;

    public IHost Host { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static Dictionary<string, string?> Settings(FakeBotApiServer fake) => new()
    {
        ["Watchbot:Telegram:Token"] = fake.Token,
        ["Watchbot:Telegram:ApiBaseUrl"] = fake.BaseUrl,
        ["Watchbot:Web:Enabled"] = "false", // tests run side by side: none of them claims the page's port
        ["Watchbot:Telegram:PollTimeoutSeconds"] = "1",
        ["Watchbot:Telegram:RequestTimeout"] = "00:00:05",
        ["Watchbot:Schedule:DeliveryInterval"] = "00:00:00.200",
        ["Watchbot:Delivery:MaxAttempts"] = "8",
    };

    public static async Task<TelegramBot> StartAsync(string db, FakeBotApiServer fake, Action<Dictionary<string, string?>>? change = null)
    {
        var settings = Settings(fake);
        change?.Invoke(settings);
        return new TelegramBot(await RunningHost.StartAsync(db, settings));
    }

    public Task<WatchEvent> AddEventAsync(string summary, string url = "https://example.org/report") =>
        Get<IEventStore>().AddAsync(SampleEvents.Escalation(summary, url), CancellationToken.None);

    /// <summary>A chat's subscriptions; in a private chat they are its person's own (pass the user id).</summary>
    public Task<IReadOnlyList<Subscription>> SubscriptionsAsync(long chatId, long? userId = null) =>
        Get<ISubscriptionStore>().ListForChatAsync(new ChatAddress("telegram", Id(chatId)), userId is { } u ? Id(u) : null, CancellationToken.None);

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await Host.StopAsync(stop.Token);
        Host.Dispose();
    }
}
