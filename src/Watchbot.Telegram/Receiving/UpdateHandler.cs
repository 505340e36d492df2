using System.Globalization;
using Microsoft.Extensions.Logging;
using Watchbot.Core.Commands;
using Watchbot.Core.Messages;
using Watchbot.Core.Storage;
using Watchbot.Core.Subscriptions;
using Watchbot.Telegram.Api;
using Watchbot.Telegram.Api.Requests;
using Watchbot.Telegram.Api.Types;
using Watchbot.Telegram.Rendering;
using Watchbot.Telegram.Sending;

namespace Watchbot.Telegram.Receiving;

/// <summary>
/// Handles one update, whichever way it came (long polling or webhook): commands go through the command router
/// and are answered in their chat; button presses run the command they stand for and are always answered;
/// a group's move to a supergroup and the bot's removal from a chat update the subscriptions.
/// </summary>
public sealed class UpdateHandler(
    CommandRouter router,
    TelegramBotClient client,
    TelegramSender sender,
    ChatAdminCache admins,
    BotIdentity identity,
    ISubscriptionStore subscriptions,
    TelegramOptions options,
    ILogger<UpdateHandler> logger)
{
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
            var moved = await subscriptions.MoveChatAsync(Address(message.Chat.Id), Id(newId), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Telegram group {Chat} became supergroup {NewChat}; moved {Count} subscriptions", message.Chat.Id, newId, moved);
            return;
        }

        if (message.Text is null || message.Chat.Type == "channel")
        {
            return;
        }

        var incoming = await IncomingAsync(message.Chat, message.From, message.SenderChat, message.Text, cancellationToken).ConfigureAwait(false);
        if (incoming is null)
        {
            return;
        }

        if (message.Date > 0)
        {
            incoming = incoming with { SentAt = DateTimeOffset.FromUnixTimeSeconds(message.Date) };
        }

        var reply = await router.HandleAsync(incoming, cancellationToken, await identity.UsernameAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (reply is null)
        {
            return;
        }

        await ReplyAsync(message.Chat.Id, message.MessageId, reply, Keyboards.For(reply.Message), cancellationToken).ConfigureAwait(false);
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
                await EditOrReplyAsync(chat.Id, callback.Message.MessageId, reply, Keyboards.For(reply.Message), cancellationToken).ConfigureAwait(false);
            }
            else if (text.Length <= MaxToast || (reply.Ephemeral && chat.Type != "private"))
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
        if (membership.NewChatMember?.Status is "left" or "kicked")
        {
            var reason = membership.Chat.Type == "private" ? "the user blocked the bot" : "the bot was removed from the chat";
            var count = await subscriptions.DeactivateChatAsync(Address(membership.Chat.Id), reason, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Telegram chat {Chat}: {Reason}; deactivated its {Count} subscriptions", membership.Chat.Id, reason, count);
        }
    }

    /// <summary>The command as the router takes it, with the sender's admin status asked of Telegram only when it matters.</summary>
    private async Task<IncomingCommand?> IncomingAsync(Chat chat, User? from, Chat? senderChat, string text, CancellationToken cancellationToken)
    {
        var botName = await identity.UsernameAsync(cancellationToken).ConfigureAwait(false);
        var parsed = CommandLine.Parse(text, botName);
        var kind = chat.Type == "private" ? ChatKind.Private : ChatKind.Group;
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

    private async Task ReplyAsync(long chatId, long? replyTo, CommandReply reply, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var parts = TelegramHtmlRenderer.Render(reply.Message);
        for (var i = 0; i < parts.Count; i++)
        {
            var request = new SendMessageRequest(chatId, parts[i].Html,
                LinkPreviewOptions: new LinkPreviewOptions(true),
                ReplyParameters: i == 0 && replyTo is { } id ? new ReplyParameters(id) : null,
                ReplyMarkup: i == parts.Count - 1 ? keyboard : null);
            var outcome = await sender.SendPartAsync(chatId, request, ReplyWait, cancellationToken).ConfigureAwait(false);
            if (outcome.Sent is null)
            {
                logger.LogWarning("Could not answer in Telegram chat {Chat}: {Result}", chatId, outcome.Result);
                return;
            }
        }
    }

    private async Task EditOrReplyAsync(long chatId, long messageId, CommandReply reply, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var parts = TelegramHtmlRenderer.Render(reply.Message);
        if (parts.Count == 1)
        {
            try
            {
                await client.EditMessageTextAsync(new EditMessageTextRequest(chatId, messageId, parts[0].Html, LinkPreviewOptions: new LinkPreviewOptions(true), ReplyMarkup: keyboard), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (TelegramApiException ex) when (ex.Error.Kind == BotApiErrorKind.NotModified)
            {
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
            await client.CallAsync(new AnswerCallbackQueryRequest(callbackId, text, alert), cancellationToken).ConfigureAwait(false);
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
