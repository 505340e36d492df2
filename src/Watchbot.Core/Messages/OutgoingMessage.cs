namespace Watchbot.Core.Messages;

public enum MessageKind { Reply, Digest, Alert, Recap }

public sealed record MessageLink(string Label, string Url);

/// <summary>One line of a message: a digest item, an alert, a line of a reply. Never split across messages.</summary>
public sealed record MessageItem(string Text, IReadOnlyList<MessageLink> Links)
{
    public static MessageItem Plain(string text) => new(text, []);
}

public sealed record MessageSection(string? Heading, IReadOnlyList<MessageItem> Items);

/// <summary>
/// A button under a message, where the platform has them (Telegram inline keyboards). Pressing it runs
/// <see cref="Command"/> as if the person who pressed it had typed it in that chat: the same router, the same
/// permission checks. <see cref="On"/> is null for a plain button ("Digest now"), and for a switch says whether
/// the thing it names is on now: pressing it then runs the command that turns it the other way.
/// </summary>
public sealed record MessageAction(string Label, string Command, bool? On = null)
{
    public static MessageAction Switch(string label, bool on, string turnOn, string turnOff) => new(label, on ? turnOff : turnOn, on);
}

/// <summary>
/// A platform-neutral message: each transport renders it (plain text, Telegram HTML, Discord embeds)
/// and splits it between items when it is longer than the platform allows. All text is plain: renderers escape it.
/// <see cref="Actions"/> are rows of buttons; a platform without buttons leaves them out, so the text must make
/// sense alone (it names the typed command too). <see cref="Image"/> is a picture sent with it (a digest's chart): a
/// platform that shows pictures sends it first, with the start of the text as its caption.
/// </summary>
public sealed record OutgoingMessage(
    MessageKind Kind,
    string Title,
    IReadOnlyList<MessageSection> Sections,
    string? Footer = null,
    IReadOnlyList<IReadOnlyList<MessageAction>>? Actions = null,
    MessageImage? Image = null)
{
    public static OutgoingMessage Reply(string text) =>
        new(MessageKind.Reply, "", [new MessageSection(null, [MessageItem.Plain(text)])]);

    public static OutgoingMessage Reply(string title, IEnumerable<string> lines) =>
        new(MessageKind.Reply, title, [new MessageSection(null, lines.Select(MessageItem.Plain).ToList())]);

    public bool HasActions => Actions is { Count: > 0 } && Actions.Any(row => row.Count > 0);

    /// <summary>All the text of the message, for logs and tests.</summary>
    public string ToPlainText() => PlainTextRenderer.Render(this);
}
