using Watchbot.Core.Commands;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Receiving;

/// <summary>Buttons where they save typing: after a subscription or a digest change, the next likely step.
/// Refusals and usage hints get none. (A private chat's replies are all "ephemeral": only its one person sees them.)</summary>
public static class Keyboards
{
    public static InlineKeyboardMarkup? For(ParsedCommand command, CommandReply reply, bool privateChat = false)
    {
        var text = reply.Message.ToPlainText();
        var refused = text.Contains("Usage:", StringComparison.Ordinal) || text.StartsWith("There is no", StringComparison.Ordinal) || text.StartsWith("Only ", StringComparison.Ordinal);
        if ((reply.Ephemeral && !privateChat) || refused || command.Outcome != ParseOutcome.Command || command.Args.Count == 0)
        {
            return null;
        }

        var topic = command.Args[0].ToLowerInvariant();
        var next = command.Args.Count > 1 ? command.Args[1].ToLowerInvariant() : "";
        List<InlineKeyboardButton?> buttons = (command.Name, next) switch
        {
            ("subscribe", "") => [Button("Digest now", $"/digest {topic} now"), Button("Digest off", $"/digest {topic} off")],
            ("digest", "off") => [Button("Digest on at 08:00", $"/digest {topic} at 08:00")],
            ("digest", "at") => [Button("Digest now", $"/digest {topic} now"), Button("Digest off", $"/digest {topic} off")],
            _ => [],
        };
        var fitting = buttons.OfType<InlineKeyboardButton>().ToList();
        return fitting.Count == 0 ? null : new InlineKeyboardMarkup([fitting]);
    }

    private static InlineKeyboardButton? Button(string label, string commandLine) =>
        CallbackData.Encode(commandLine) is { } data ? new InlineKeyboardButton(label, data) : null;
}
