using Watchbot.Core.Messages;

namespace Watchbot.Core.Commands;

/// <summary>The answer to a command. Ephemeral replies are shown only to the sender where the platform can.</summary>
public sealed record CommandReply(OutgoingMessage Message, bool Ephemeral = false)
{
    public static CommandReply Text(string text, bool ephemeral = false) => new(OutgoingMessage.Reply(text), ephemeral);

    public static CommandReply Lines(string title, IEnumerable<string> lines, bool ephemeral = false) =>
        new(OutgoingMessage.Reply(title, lines), ephemeral);

    /// <summary>The same reply with rows of buttons under it (where the platform has buttons).</summary>
    public CommandReply WithActions(IReadOnlyList<IReadOnlyList<MessageAction>> rows) =>
        this with { Message = Message with { Actions = rows.Where(r => r.Count > 0).ToList() } };
}
