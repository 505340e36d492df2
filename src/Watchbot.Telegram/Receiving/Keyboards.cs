using Watchbot.Core.Messages;
using Telegram.Bot.Types.ReplyMarkups;

namespace Watchbot.Telegram.Receiving;

/// <summary>A message's actions (see <see cref="MessageAction"/>) as an inline keyboard: a switch shows its state
/// as ✅ (on) or ⬜ (off) before its label; each button's callback_data is the command it runs, in 64 bytes.</summary>
public static class Keyboards
{
    public const string On = "✅ ";
    public const string Off = "⬜ ";

    /// <summary>Telegram allows 100 buttons a keyboard; Watchbot never needs near that many.</summary>
    private const int MaxButtons = 100;

    public static InlineKeyboardMarkup? For(OutgoingMessage message)
    {
        if (!message.HasActions)
        {
            return null;
        }

        var rows = new List<List<InlineKeyboardButton>>();
        var count = 0;
        foreach (var row in message.Actions!)
        {
            var buttons = row.Select(Button).OfType<InlineKeyboardButton>().Take(MaxButtons - count).ToList();
            count += buttons.Count;
            if (buttons.Count > 0)
            {
                rows.Add(buttons);
            }
        }

        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    public static string Label(MessageAction action) => action.On switch
    {
        true => On + action.Label,
        false => Off + action.Label,
        null => action.Label,
    };

    private static InlineKeyboardButton? Button(MessageAction action) =>
        CallbackData.Encode(action.Command) is { } data ? InlineKeyboardButton.WithCallbackData(Label(action), data) : null;
}
