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
/// A platform-neutral message: each transport renders it (plain text, Telegram HTML, Discord embeds)
/// and splits it between items when it is longer than the platform allows. All text is plain: renderers escape it.
/// </summary>
public sealed record OutgoingMessage(
    MessageKind Kind,
    string Title,
    IReadOnlyList<MessageSection> Sections,
    string? Footer = null)
{
    public static OutgoingMessage Reply(string text) =>
        new(MessageKind.Reply, "", [new MessageSection(null, [MessageItem.Plain(text)])]);

    public static OutgoingMessage Reply(string title, IEnumerable<string> lines) =>
        new(MessageKind.Reply, title, [new MessageSection(null, lines.Select(MessageItem.Plain).ToList())]);

    /// <summary>All the text of the message, for logs and tests.</summary>
    public string ToPlainText() => PlainTextRenderer.Render(this);
}
