using Microsoft.Extensions.DependencyInjection;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Platforms;

/// <summary>The end-to-end half of a platform case: the real host (HostMode.Run) in this process, and a user talking to
/// it through the fake.</summary>
public abstract partial class PlatformCase
{
    public async Task StartHostAsync(string db, Dictionary<string, string?>? more = null)
    {
        var settings = Settings();
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        host = await RunningHost.StartAsync(db, settings);
    }

    /// <summary>Stops and drops the host, so that a test can start it again on the same database.</summary>
    public async Task StopHostAsync()
    {
        if (host is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(stop.Token);
            host.Dispose();
            host = null;
        }
    }

    /// <summary>True once the host is connected to the fake and would receive a command.</summary>
    public abstract Task<bool> ConnectedAsync();

    /// <summary>Sends a command (as a person in their own chat on Telegram, an administrator in a channel on Discord)
    /// and returns the answer it was given.</summary>
    public abstract Task<PlatformMessage> AskAsync(string command, string argument);

    /// <summary>Sends a command in a group chat (a Telegram supergroup, a Discord guild channel), by an administrator of
    /// it or by a member who is not one, and returns the answer.</summary>
    public abstract Task<PlatformMessage> AskInGroupAsync(string command, string argument, bool byAdmin);

    /// <summary>Sends a command as <see cref="AskAsync"/> does, without waiting for an answer (which may never come).</summary>
    public abstract Task SayAsync(string command, string argument);

    /// <summary>From now on the chat of <see cref="AskAsync"/> is out of the bot's reach for good (a person who blocked
    /// the bot, a channel that was deleted).</summary>
    public abstract void LoseTheChat();

    /// <summary>The platform answers the next message sent to the chat of <see cref="AskAsync"/> with a rate limit
    /// (429 and a short wait).</summary>
    public abstract void RateLimitTheNextMessage();

    /// <summary>How many messages to the chat of <see cref="AskAsync"/> the fake answered with 429.</summary>
    public abstract int RateLimitsAnswered { get; }

    /// <summary>The texts of every message delivered to the chat of <see cref="AskAsync"/> (answers to commands aside
    /// where the platform keeps them apart).</summary>
    public abstract IReadOnlyList<string> DeliveredTexts();

    /// <summary>The subscriptions of the chat <see cref="AskAsync"/> talks in (on Telegram, its person's own).</summary>
    public abstract Task<IReadOnlyList<Subscription>> SubscriptionsAsync();

    public abstract Task<IReadOnlyList<Subscription>> GroupSubscriptionsAsync();

    /// <summary>The message holding <paramref name="text"/> that was delivered to the chat of <see cref="AskAsync"/>;
    /// fails, saying what was sent instead, if none came within the patience.</summary>
    public abstract Task<PlatformMessage> DeliveredAsync(string text);

    /// <summary>The names of the commands the bot registered with the platform.</summary>
    public abstract IReadOnlyList<string> RegisteredCommands();

    /// <summary>The platform's own form of a subscribe answer (reply threading and buttons, or a single registration).</summary>
    public abstract void AssertSubscribeAnswerIsNative(PlatformMessage answer);

    /// <summary>The platform's own rules for a digest holding markup-like text, a link and a mention.</summary>
    public abstract void AssertDigestIsSafe(PlatformMessage digest);

    /// <summary>How a refusal is shown where the platform can limit who sees it.</summary>
    public virtual void AssertRefusalIsNative(PlatformMessage refusal)
    {
    }

    public Task<WatchEvent> AddEventAsync(string summary, string url = "https://example.org/report") =>
        Host.Services.GetRequiredService<IEventStore>().AddAsync(SampleEvents.Escalation(summary, url), CancellationToken.None);

    protected Task<IReadOnlyList<Subscription>> SubscriptionsOfAsync(string chatId, string? userId) =>
        Host.Services.GetRequiredService<ISubscriptionStore>().ListForChatAsync(Place(chatId), userId, CancellationToken.None);
}
