using Watchbot.Core.Messages;

namespace Watchbot.Core.Commands;

/// <summary>
/// A chat whose subscriptions were paused (the bot could not write to it) and that writes to the bot again is told
/// so at the top of the answer, with a button that resumes them (and the typed /resume for platforms without buttons).
/// </summary>
public static class PausedChatNotice
{
    public const string ButtonLabel = "Resume subscriptions";

    public static CommandReply AddTo(CommandReply reply, int paused)
    {
        var text = $"This chat's {paused} subscription{(paused == 1 ? " was" : "s were")} paused because I could not deliver here "
            + "(the bot was blocked or removed). Tap Resume subscriptions, or send /resume, to get digests and alerts again.";
        var message = reply.Message;
        var actions = (message.Actions ?? []).Append([new MessageAction(ButtonLabel, "/" + Handlers.ResumeHandler.Name)]).ToList();
        return reply with
        {
            Message = message with
            {
                Sections = [new MessageSection(null, [MessageItem.Plain(text)]), .. message.Sections],
                Actions = actions,
            },
        };
    }
}
