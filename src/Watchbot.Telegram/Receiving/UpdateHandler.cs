using System.Globalization;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using Watchbot.Core.Commands;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Rendering;
using Watchbot.Telegram.Sending;

namespace Watchbot.Telegram.Receiving;

/// <summary>
/// Handles one update, whichever way it came (long polling or webhook): commands go through the command router
/// and are answered in their chat; button presses run the command they stand for and are always answered;
/// a group's move to a supergroup moves the subscriptions, and a chat the bot can no longer write to (it was blocked,
/// kicked, or the chat is gone, met on any path) has its subscriptions paused.
/// </summary>
public sealed class UpdateHandler(
    CommandRouter router,
    BotApi api,
    TelegramSender sender,
    ChatAdminCache admins,
    BotIdentity identity,
    ChatLifecycle chats,
    TelegramOptions options,
    ILogger<UpdateHandler> logger)
{
    /// <summary>The update kinds this bot asks for.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private TimeSpan ReplyWait => options.MaxInlineWait > TimeSpan.FromSeconds(10) ? options.MaxInlineWait : TimeSpan.FromSeconds(10);

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            await OnMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else if (update.CallbackQuery is { } callback)
        {
            await OnCallbackAsync(callback, cancellationToken).ConfigureAwait(false);
        }
        else if (update.MyChatMember is { } membership)
        {
            await OnMembershipAsync(membership, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.MigrateToChatId is { } newId)
        {
            await chats.MoveAsync(Address(message.Chat.Id), Id(newId), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message.Text is null || message.Chat.Type == ChatType.Channel)
        {
            return;
        }

        var incoming = await IncomingAsync(message.Chat, message.From, message.SenderChat, message.Text, cancellationToken).ConfigureAwait(false);
        if (incoming is null)
        {
            return;
        }

        if (message.Date > DateTime.UnixEpoch)
        {
            incoming = incoming with { SentAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)) };
        }

        var reply = await router.HandleAsync(incoming, cancellationToken, await identity.UsernameAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        await ReplyAsync(message.Chat.Id, message.Id, reply, Keyboards.For(reply.Message), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A button press runs the command the button carries, as the person who pressed it, through the router (so a
    /// group member cannot change the group's settings with an admin's buttons). A reply with buttons of its own
    /// (the new state of the switches) replaces the pressed message; any other reply (a refusal, a usage hint,
    /// "Composing the digest") is shown as the press's answer. Every press is answered, whatever happens.
    /// </summary>
    private async Task OnCallbackAsync(CallbackQuery callback, CancellationToken cancellationToken)
    {
        string? toast = null;
        var alert = false;
        try
        {
            var line = CallbackData.Decode(callback.Data);
            if (line is null || callback.Message is null)
            {
                toast = "This button no longer works; send the command instead.";
                return;
            }

            var chat = callback.Message.Chat;
            var incoming = await IncomingAsync(chat, callback.From, null, line, cancellationToken).ConfigureAwait(false);
            var reply = incoming is null
                ? null
                : await router.HandleAsync(incoming, cancellationToken, await identity.UsernameAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (reply is null)
            {
                return;
            }

            var text = reply.Message.ToPlainText();
            if (reply.Message.HasActions)
            {
                toast = "Done.";
                await EditOrReplyAsync(chat.Id, callback.Message.Id, reply, Keyboards.For(reply.Message), cancellationToken).ConfigureAwait(false);
            }
            else if (text.Length <= MaxToast || (reply.Ephemeral && chat.Type != ChatType.Private))
            {
                // Refusals and hints to one person stay out of the group: Telegram shows them to the presser only.
                toast = Short(text);
                alert = true;
            }
            else
            {
                await ReplyAsync(chat.Id, null, reply, null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await AnswerAsync(callback.Id, toast, alert, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnMembershipAsync(ChatMemberUpdated membership, CancellationToken cancellationToken)
    {
        if (membership.NewChatMember?.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked)
        {
            var reason = membership.Chat.Type == ChatType.Private ? "the user blocked the bot" : "the bot was removed from the chat";
            await chats.PauseAsync(Address(membership.Chat.Id), reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The command as the router takes it, with the sender's admin status asked of Telegram only when it matters.</summary>
    private async Task<IncomingCommand?> IncomingAsync(Chat chat, User? from, Chat? senderChat, string text, CancellationToken cancellationToken)
    {
        var botName = await identity.UsernameAsync(cancellationToken).ConfigureAwait(false);
        var parsed = CommandLine.Parse(text, botName);
        var kind = chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group;
        CommandSender who;
        bool isAdmin;
        if (senderChat is not null && senderChat.Id == chat.Id)
        {
            // An anonymous administrator speaks as the group itself.
            who = new CommandSender(TelegramSender.PlatformName, Id(chat.Id), chat.Title);
            isAdmin = true;
        }
        else if (from is not null && !from.IsBot)
        {
            who = new CommandSender(TelegramSender.PlatformName, Id(from.Id), from.Username ?? from.FirstName);
            isAdmin = kind == ChatKind.Group && NeedsAdmin(parsed) && await admins.IsAdminAsync(chat.Id, from.Id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return null;
        }

        return new IncomingCommand(Address(chat.Id), kind, who, isAdmin, text);
    }

    private bool NeedsAdmin(ParsedCommand parsed) =>
        parsed.Outcome == ParseOutcome.Command && router.Commands.Any(c => c.Name == parsed.Name && c.Access == CommandAccess.ChatAdmin);

    /// <summary>Sends the reply, part after part. A chat that turns out to be gone has its subscriptions paused; a group
    /// that became a supergroup has them moved, and the reply goes to the supergroup.</summary>
    private async Task ReplyAsync(long chatId, long? replyTo, CommandReply reply, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var parts = TelegramHtmlRenderer.Render(reply.Message);
        for (var i = 0; i < parts.Count; i++)
        {
            var request = TelegramSender.Html(chatId, parts[i].Html, TelegramSender.NoPreview,
                i == 0 && replyTo is { } id ? new ReplyParameters { MessageId = (int)id, AllowSendingWithoutReply = true } : null,
                i == parts.Count - 1 ? keyboard : null);
            var outcome = await sender.SendPartAsync(chatId, request, ReplyWait, cancellationToken, reply: true).ConfigureAwait(false);
            if (outcome.Sent is not null)
            {
                continue;
            }

            logger.LogWarning("Could not answer in Telegram chat {Chat}: {Result}", chatId, outcome.Result);
            await chats.ApplyAsync(Address(chatId), outcome.Result, cancellationToken).ConfigureAwait(false);
            if (outcome.Result is DeliveryResult.ChatMoved moved && long.TryParse(moved.NewChatId, CultureInfo.InvariantCulture, out var newId) && newId != chatId)
            {
                await ReplyAsync(newId, null, reply, keyboard, cancellationToken).ConfigureAwait(false);
            }

            return;
        }
    }

    private async Task EditOrReplyAsync(long chatId, int messageId, CommandReply reply, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var parts = TelegramHtmlRenderer.Render(reply.Message);
        if (parts.Count == 1)
        {
            try
            {
                await api.CallAsync("editMessageText", (bot, ct) => bot.EditMessageText(chatId, messageId, parts[0].Html, ParseMode.Html, keyboard, TelegramSender.NoPreview, cancellationToken: ct),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TelegramApiException ex) when (ex.Error.Kind == BotApiErrorKind.NotModified)
            {
                return;
            }
            catch (TelegramApiException ex) when (ex.Error.IsChatGone)
            {
                await chats.PauseAsync(Address(chatId), ex.Error.Description, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TelegramApiException ex)
            {
                logger.LogInformation("Could not edit message {Message} in chat {Chat} ({Error}); answering with a new one", messageId, chatId, ex.Error);
            }
        }

        await ReplyAsync(chatId, null, reply, keyboard, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerAsync(string callbackId, string? text, bool alert, CancellationToken cancellationToken)
    {
        try
        {
            await api.CallAsync("answerCallbackQuery", async (bot, ct) =>
            {
                await bot.AnswerCallbackQuery(callbackId, text, alert, cancellationToken: ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException ex)
        {
            logger.LogInformation("Could not answer a button press: {Error}", ex.Error);
        }
    }

    /// <summary>answerCallbackQuery shows at most 200 characters.</summary>
    private const int MaxToast = 200;

    private static string Short(string text) => SafeText.Clip(text, MaxToast);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static ChatAddress Address(long chatId) => new(TelegramSender.PlatformName, Id(chatId));
}
