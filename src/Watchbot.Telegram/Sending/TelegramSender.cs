using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Telegram.Api;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using Watchbot.Telegram.Rendering;

namespace Watchbot.Telegram.Sending;

/// <summary>
/// Telegram as the delivery worker sees it: renders, splits (a digest's chart first, as a photo captioned with the
/// digest's first part), keeps the rate limits, and maps every Bot API answer
/// to a <see cref="DeliveryResult"/>. A wait longer than MaxInlineWait is never sat out here (the message goes back
/// to the outbox), so one slow or broken chat never holds a slot the other chats need.
/// </summary>
public sealed class TelegramSender(
    BotApi api,
    TelegramRateLimiter limiter,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramSender> logger) : IChatTransport
{
    public const string PlatformName = "telegram";
    private const int MaxTransientTries = 3;
    private readonly FloodWatch flood = new(time);

    /// <summary>Parts already delivered of a split message whose later part failed, so a retry does not repeat them.</summary>
    private readonly ConcurrentDictionary<string, int> partsDone = new();

    public string Platform => PlatformName;

    public async Task<DeliveryResult> SendAsync(ChatAddress chat, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(chat.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new DeliveryResult.Failed($"'{chat.ChatId}' is not a Telegram chat id");
        }

        // A digest's chart goes first, as a photo whose caption is the digest's first part; the rest follow as messages.
        var png = message.Image is { } image ? await image.ReadAsync(cancellationToken).ConfigureAwait(false) : null;
        if (message.Image is not null && png is null)
        {
            logger.LogWarning("The chart {Path} is gone; sending the digest to chat {Chat} without it", message.Image.Path, chatId);
        }

        var parts = png is null
            ? TelegramHtmlRenderer.Render(message)
            : TelegramHtmlRenderer.Render(message, firstMaxLength: TelegramHtmlRenderer.MaxCaptionLength);
        var captioned = png is not null && parts[0].TextLength <= TelegramHtmlRenderer.MaxCaptionLength;
        var posts = new List<TelegramPost>(parts.Count + 1);
        if (png is not null)
        {
            posts.Add(new PhotoPost(chatId, png, message.Image!.FileName, captioned ? parts[0].Html : ""));
        }

        var preview = message.Kind == MessageKind.Alert ? null : NoPreview;
        posts.AddRange(parts.Skip(captioned ? 1 : 0).Select(p => (TelegramPost)new TextPost(Html(chatId, p.Html, preview))));
        var key = posts.Count > 1 ? $"{chatId}:{posts.Count}:{png?.Length ?? 0}:{string.GetHashCode(parts[0].Html, StringComparison.Ordinal)}" : null;
        var start = key is not null && partsDone.TryGetValue(key, out var done) ? done : 0;
        string? lastId = null;
        for (var i = start; i < posts.Count; i++)
        {
            var outcome = await SendPostAsync(chatId, posts[i], options.MaxInlineWait, cancellationToken).ConfigureAwait(false);
            if (outcome.Sent is null)
            {
                if (key is not null && i > 0)
                {
                    partsDone[key] = i;
                }

                return outcome.Result!;
            }

            lastId = outcome.Sent.Id.ToString(CultureInfo.InvariantCulture);
        }

        if (key is not null)
        {
            partsDone.TryRemove(key, out _);
        }

        if (partsDone.Count > 10_000)
        {
            partsDone.Clear();
        }

        return new DeliveryResult.Delivered(lastId);
    }

    /// <summary>Link previews off: a digest or a reply lists several links, and a preview of the first would crowd it.</summary>
    public static LinkPreviewOptions NoPreview => new() { IsDisabled = true };

    /// <summary>A sendMessage of our HTML.</summary>
    public static SendMessageRequest Html(long chatId, string html, LinkPreviewOptions? preview, ReplyParameters? replyTo = null, ReplyMarkup? keyboard = null) => new()
    {
        ChatId = chatId,
        Text = html,
        ParseMode = ParseMode.Html,
        LinkPreviewOptions = preview,
        ReplyParameters = replyTo,
        ReplyMarkup = keyboard,
    };

    /// <summary>Sends a command reply or any ready request within the limits; waits up to <paramref name="maxWait"/>.
    /// A <paramref name="reply"/> to a person takes the next global slot ahead of bulk deliveries.</summary>
    public Task<SendOutcome> SendPartAsync(long chatId, SendMessageRequest request, TimeSpan maxWait, CancellationToken cancellationToken, bool reply = false) =>
        SendPostAsync(chatId, new TextPost(request), maxWait, cancellationToken, reply);

    /// <summary>Sends one post (a message, or a photo with its caption) within the limits, as <see cref="SendPartAsync"/>:
    /// the same chat and global slots, 429 pauses, bounded retries of 5xx and network failures, and plain text when
    /// Telegram cannot parse our HTML.</summary>
    public async Task<SendOutcome> SendPostAsync(long chatId, TelegramPost post, TimeSpan maxWait, CancellationToken cancellationToken, bool reply = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var wait = limiter.ReserveChat(chatId, maxWait);
            if (wait > maxWait)
            {
                return SendOutcome.Later(new DeliveryResult.Retry(wait, "waiting for the chat's rate limit"));
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            using (reply ? limiter.ReplyWaiting() : null)
            {
                for (var global = limiter.TryTakeGlobal(reply); global > TimeSpan.Zero; global = limiter.TryTakeGlobal(reply))
                {
                    await Task.Delay(global, time, cancellationToken).ConfigureAwait(false);
                }
            }

            try
            {
                return SendOutcome.Done(await SendCountedAsync(post, cancellationToken).ConfigureAwait(false));
            }
            catch (TelegramApiException ex) when (ex.Error.Kind == BotApiErrorKind.Flood)
            {
                var pause = ex.Error.RetryAfter ?? TimeSpan.FromSeconds(1);
                var global = flood.IsGlobal(chatId);
                limiter.PauseChat(chatId, pause);
                if (global)
                {
                    limiter.PauseAll(pause);
                }

                logger.LogWarning("Telegram asked to slow down {Scope} for {Seconds} s (429)", global ? "the whole bot" : $"chat {chatId}", pause.TotalSeconds);
                if (pause > maxWait || attempt >= MaxTransientTries)
                {
                    return SendOutcome.Later(new DeliveryResult.Retry(pause, "429 Too Many Requests"));
                }
            }
            catch (TelegramApiException ex) when (ex.Error.Kind is BotApiErrorKind.ServerError or BotApiErrorKind.Network)
            {
                var backoff = TimeSpan.FromMilliseconds(250 << attempt);
                if (attempt >= MaxTransientTries || backoff > maxWait)
                {
                    logger.LogWarning("Telegram failed {Attempts} times for chat {Chat}: {Error}; retrying later", attempt, chatId, ex.Error);
                    return SendOutcome.Later(new DeliveryResult.Retry(TimeSpan.Zero, ex.Error.ToString()));
                }

                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TelegramApiException ex) when (ex.Error.Kind == BotApiErrorKind.BadRequest && ex.Error.Description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase) && !post.IsPlainText)
            {
                logger.LogError("Telegram refused our HTML for chat {Chat} ({Error}); sending it as plain text", chatId, ex.Error);
                post = post.AsPlainText();
            }
            catch (TelegramApiException ex)
            {
                return SendOutcome.Later(Map(chatId, ex.Error));
            }
        }
    }

    /// <summary>One sendMessage or sendPhoto in a global slot taken just before; the slot is given back when the answer (or
    /// the failure) is in, which is when Telegram has surely counted the message.</summary>
    private async Task<Message> SendCountedAsync(TelegramPost post, CancellationToken cancellationToken)
    {
        try
        {
            return await api.CallAsync(post.Method, (bot, ct) => bot.SendRequest(post.Request(), ct), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            limiter.ReleaseGlobal();
        }
    }

    private DeliveryResult Map(long chatId, BotApiError error)
    {
        switch (error.Kind)
        {
            case BotApiErrorKind.Migrated when error.MigrateToChatId is { } newId:
                logger.LogInformation("Telegram group {Chat} became supergroup {NewChat}", chatId, newId);
                return new DeliveryResult.ChatMoved(newId.ToString(CultureInfo.InvariantCulture));
            case var _ when error.IsChatGone:
                logger.LogWarning("Telegram chat {Chat} is gone for us: {Error}", chatId, error);
                return new DeliveryResult.ChatGone(error.Description);
            case BotApiErrorKind.Timeout:
                return new DeliveryResult.Retry(TimeSpan.Zero, error.ToString());
            case BotApiErrorKind.Unauthorized:
                logger.LogError("Telegram refused the bot token (401); check Watchbot__Telegram__Token. Messages wait meanwhile");
                return new DeliveryResult.Retry(TimeSpan.FromMinutes(5), "401 Unauthorized: the bot token was refused");
            default:
                return new DeliveryResult.Failed(error.ToString());
        }
    }
}

/// <summary>A sent message, or what to tell the delivery service instead.</summary>
public sealed record SendOutcome(Message? Sent, DeliveryResult? Result)
{
    public static SendOutcome Done(Message sent) => new(sent, null);

    public static SendOutcome Later(DeliveryResult result) => new(null, result);
}
