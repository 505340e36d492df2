using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rendering;
using Watchbot.Discord.Rest;
using Watchbot.Discord.Rest.Requests;

namespace Watchbot.Discord.Sending;

/// <summary>
/// The "discord" transport: posts a message as embeds (a digest's chart uploaded with the first part and shown as its
/// first embed's image) to a channel (a chat id) or, for "user:&lt;id&gt;", to that
/// user's DM channel, and maps every answer to a <see cref="DeliveryResult"/>: no access, an unknown channel or a user
/// who takes no DMs mean the chat is gone; a missing permission (50013) pauses the chat and tells the admin who
/// subscribed it (<see cref="ChannelPauses"/>); 5xx, timeouts and rate limits are retried. A queued message's parts carry
/// a nonce made of its outbox id and part index (enforced), and a retry starts at the first part not yet delivered.
/// </summary>
public sealed class DiscordSender(
    DiscordRestClient rest,
    DmChannelCache dms,
    DiscordTransportState state,
    ILogger<DiscordSender> logger,
    ChannelPauses? pauses = null) : IPartedChatTransport
{
    /// <summary>How long a chat waits for a permission when no <see cref="ChannelPauses"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultPermissionRetry = TimeSpan.FromMinutes(30);

    public const string PlatformName = "discord";
    public const string UserPrefix = "user:";

    public string Platform => PlatformName;

    /// <summary>Sends a message that is not in the outbox: without a nonce, every part.</summary>
    public Task<DeliveryResult> SendAsync(ChatAddress chat, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendPartsAsync(chat, message, null, 0, (_, _) => Task.CompletedTask, cancellationToken);

    public Task<DeliveryResult> SendAsync(OutboxDelivery delivery, Func<int, CancellationToken, Task> partsSent, CancellationToken cancellationToken) =>
        SendPartsAsync(delivery.Chat, delivery.Message, delivery.MessageId, delivery.PartsSent, partsSent, cancellationToken);

    private async Task<DeliveryResult> SendPartsAsync(ChatAddress chat, OutgoingMessage message, long? messageId, int partsSent,
        Func<int, CancellationToken, Task> onPartSent, CancellationToken cancellationToken)
    {
        if (state.StoppedReason is { } stopped)
        {
            return new DeliveryResult.Retry(TimeSpan.FromMinutes(10), "Discord transport stopped: " + stopped);
        }

        var isUser = chat.ChatId.StartsWith(UserPrefix, StringComparison.Ordinal);
        var id = isUser ? chat.ChatId[UserPrefix.Length..] : chat.ChatId;
        if (!Snowflake.IsValid(id))
        {
            return new DeliveryResult.Failed($"'{chat.ChatId}' is not a Discord channel id or user:<id>");
        }

        try
        {
            var channelId = isUser ? await dms.GetAsync(id, cancellationToken).ConfigureAwait(false) : id;
            var bodies = EmbedRenderer.Render(message);
            var chart = partsSent <= 0 && message.Image is { } image ? await image.ReadAsync(cancellationToken).ConfigureAwait(false) : null;
            if (partsSent <= 0 && message.Image is not null && chart is null)
            {
                logger.LogWarning("The chart {Path} is gone; sending the digest to {Chat} without it", message.Image.Path, chat);
            }

            string? last = null;
            for (var part = Math.Max(0, partsSent); part < bodies.Count; part++)
            {
                var body = messageId is { } outboxId ? bodies[part] with { Nonce = MessageNonce.For(outboxId, part), EnforceNonce = true } : bodies[part];
                FileUpload? file = null;
                if (part == 0 && chart is not null)
                {
                    (body, file) = WithChart(body, message.Image!, chart);
                }

                var sent = await rest.SendAsync(new CreateMessageRequest(channelId, body, file), cancellationToken).ConfigureAwait(false);
                last = sent.Id;
                if (part + 1 < bodies.Count)
                {
                    await onPartSent(part + 1, cancellationToken).ConfigureAwait(false);
                }
            }

            pauses?.Delivered(chat);
            return new DeliveryResult.Delivered(last);
        }
        catch (DiscordApiException ex) when (ex.ErrorCode == DiscordErrorCode.MissingPermissions)
        {
            if (pauses is not null)
            {
                await pauses.NotifyOnceAsync(chat, cancellationToken).ConfigureAwait(false);
            }

            return Map(chat, ex);
        }
        catch (DiscordApiException ex)
        {
            return Map(chat, ex);
        }
        catch (DiscordTransientException ex)
        {
            return new DeliveryResult.Retry(ex.RetryAfter, ex.Message);
        }
    }

    /// <summary>The first part with the chart: uploaded as files[0] and shown as its first embed's image.</summary>
    public static (MessageBody Body, FileUpload File) WithChart(MessageBody body, MessageImage image, byte[] png)
    {
        var embeds = body.Embeds is { Count: > 0 } list ? [.. list] : new List<Embed> { new() };
        embeds[0] = embeds[0] with { Image = new EmbedImage("attachment://" + image.FileName) };
        var description = image.Description.Length <= 1024 ? image.Description : image.Description[..1023] + "…";
        return (body with { Embeds = embeds, Attachments = [new AttachmentRef(0, image.FileName, description)] }, new FileUpload(image.FileName, png));
    }

    /// <summary>What a refusal means for the chat.</summary>
    public DeliveryResult Map(ChatAddress chat, DiscordApiException ex)
    {
        if (ex.ChannelIsGone)
        {
            var why = ex.ErrorCode switch
            {
                DiscordErrorCode.UnknownChannel => "the channel no longer exists (10003)",
                DiscordErrorCode.MissingAccess => "the bot has no access to the channel (50001)",
                _ => "the user does not accept DMs from the bot (50007)",
            };
            logger.LogWarning("Discord chat {Chat} is gone: {Why}; its subscriptions will be deactivated", chat, why);
            return new DeliveryResult.ChatGone(why);
        }

        if (ex.ErrorCode == DiscordErrorCode.MissingPermissions)
        {
            var wait = pauses?.RetryAfter ?? DefaultPermissionRetry;
            logger.LogWarning("Discord chat {Chat} lacks a permission (50013); its deliveries wait up to {Minutes:0} min for it", chat, wait.TotalMinutes);
            return new DeliveryResult.ChatPaused(wait, $"the bot lacks a permission there (50013): it needs {ChannelPauses.NeededPermissions}");
        }

        if ((int)ex.Status == 401)
        {
            return new DeliveryResult.Retry(TimeSpan.FromMinutes(10), "401 Unauthorized: the bot token is wrong or was reset");
        }

        if ((int)ex.Status == 404)
        {
            return new DeliveryResult.ChatGone($"Discord does not know the channel (404, code {ex.Code})");
        }

        return new DeliveryResult.Failed($"Discord refused the message: {(int)ex.Status} code {ex.Code} {ex.DiscordMessage}");
    }
}
