namespace Watchbot.Telegram.Api.Types;

public sealed record InlineKeyboardButton(string Text, string CallbackData);

public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

public sealed record LinkPreviewOptions(bool IsDisabled);

public sealed record ReplyParameters(long MessageId, bool AllowSendingWithoutReply = true);
