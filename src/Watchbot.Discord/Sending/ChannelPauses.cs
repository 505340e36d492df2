using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;

namespace Watchbot.Discord.Sending;

/// <summary>
/// Channels whose deliveries wait for a permission (50013 Missing Permissions): the admin who subscribed the channel is
/// told once, by DM, what to grant; the channel's messages wait <see cref="DiscordOptions.MissingPermissionRetry"/>,
/// or less when a command comes from the channel (someone is there, likely the admin who just fixed it).
/// </summary>
public sealed class ChannelPauses(
    DiscordRestClient rest,
    DmChannelCache dms,
    IOutboxStore outbox,
    IAuditLog audit,
    DiscordOptions options,
    TimeProvider time,
    ILogger<ChannelPauses> logger)
{
    private readonly ConcurrentDictionary<string, bool> told = new(StringComparer.Ordinal);

    public TimeSpan RetryAfter => options.MissingPermissionRetry;

    /// <summary>What the bot needs to post a digest in a channel.</summary>
    public const string NeededPermissions = "View Channel, Send Messages and Embed Links (and Send Messages in Threads in a thread)";

    /// <summary>Tells the admin who subscribed the channel, once per pause; never throws for Discord's answers.</summary>
    public async Task NotifyOnceAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        if (!told.TryAdd(chat.ChatId, true))
        {
            return;
        }

        var subscribed = await audit.LatestAsync("subscribe", chat + " ", cancellationToken).ConfigureAwait(false);
        var actor = subscribed?.Actor;
        if (actor is null || !actor.StartsWith(DiscordSender.PlatformName + ":", StringComparison.Ordinal)
            || actor[(DiscordSender.PlatformName.Length + 1)..] is not { } userId || !Snowflake.IsValid(userId))
        {
            logger.LogWarning("Discord channel {Chat} lacks a permission (50013) and nobody who subscribed it is known to tell; it needs {Permissions}",
                chat, NeededPermissions);
            return;
        }

        var text = $"Watchbot cannot post in <#{chat.ChatId}>: Discord says it lacks a permission there (50013). Give Watchbot {NeededPermissions} in that channel. " +
            $"Deliveries resume with the next command in that channel, or by themselves within {RetryAfter.TotalMinutes:0} minutes.";
        try
        {
            var dm = await dms.GetAsync(userId, cancellationToken).ConfigureAwait(false);
            await rest.SendAsync(new CreateMessageRequest(dm, new MessageBody(text, null, AllowedMentions.None)), cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Discord channel {Chat} lacks a permission (50013); told {User}, who subscribed it, by DM", chat, subscribed!.Actor);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordTransientException)
        {
            logger.LogWarning("Discord channel {Chat} lacks a permission (50013); could not tell {User} by DM: {Reason}", chat, subscribed!.Actor, ex.Message);
        }
    }

    /// <summary>A message reached the channel: a later pause is news again.</summary>
    public void Delivered(ChatAddress chat) => told.TryRemove(chat.ChatId, out _);

    /// <summary>A command came from the channel: its paused messages are due now.</summary>
    public async Task ResumeAsync(string? channelId, CancellationToken cancellationToken)
    {
        // Asked of the outbox every time, not only for channels paused since this process started.
        if (channelId is null || !Snowflake.IsValid(channelId))
        {
            return;
        }

        var chat = new ChatAddress(DiscordSender.PlatformName, channelId);
        var resumed = await outbox.ResumeChatAsync(chat, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        told.TryRemove(channelId, out _);
        if (resumed > 0)
        {
            logger.LogInformation("A command came from paused Discord channel {Chat}; its {Count} waiting messages are due again", chat, resumed);
        }
    }
}
