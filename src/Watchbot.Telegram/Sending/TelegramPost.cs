using System.Text.RegularExpressions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Watchbot.Telegram.Sending;

/// <summary>
/// One Bot API call that posts a message, as the sender tries it: its method's name, a request made afresh for each
/// attempt (an upload's stream is read once), and the same post as plain text for when Telegram cannot parse our HTML.
/// </summary>
public abstract record TelegramPost
{
    public abstract string Method { get; }

    public abstract IRequest<Message> Request();

    public abstract TelegramPost AsPlainText();

    public abstract bool IsPlainText { get; }

    internal static string StripTags(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", ""));
}

/// <summary>sendMessage of a ready request (our HTML, link previews, a keyboard).</summary>
public sealed record TextPost(SendMessageRequest Message) : TelegramPost
{
    public override string Method => "sendMessage";

    public override IRequest<Message> Request() => Message;

    public override bool IsPlainText => Message.ParseMode == ParseMode.None;

    public override TelegramPost AsPlainText()
    {
        Message.Text = StripTags(Message.Text);
        Message.ParseMode = ParseMode.None;
        return this;
    }
}

/// <summary>sendPhoto of a PNG uploaded as multipart/form-data, with our HTML as its caption (at most 1,024 characters
/// after entity parsing).</summary>
public sealed record PhotoPost(long ChatId, byte[] Png, string FileName, string Caption, ParseMode ParseMode = ParseMode.Html) : TelegramPost
{
    public override string Method => "sendPhoto";

    public override IRequest<Message> Request() => new SendPhotoRequest
    {
        ChatId = ChatId,
        Photo = InputFile.FromStream(new MemoryStream(Png, writable: false), FileName),
        Caption = Caption.Length == 0 ? null : Caption,
        ParseMode = ParseMode,
    };

    public override bool IsPlainText => ParseMode == ParseMode.None;

    public override TelegramPost AsPlainText() => this with { Caption = StripTags(Caption), ParseMode = ParseMode.None };
}
