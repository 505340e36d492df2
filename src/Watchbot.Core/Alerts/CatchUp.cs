using Watchbot.Core.Messages;

namespace Watchbot.Core.Alerts;

/// <summary>Alerts held for one chat gather into one catch-up message, oldest first.</summary>
public static class CatchUp
{
    public const string Title = "Alerts held while this chat was quiet";

    public static OutgoingMessage Start(OutgoingMessage alert) => Merge(null, alert);

    public static OutgoingMessage Merge(OutgoingMessage? held, OutgoingMessage alert)
    {
        var items = (held?.Sections.SelectMany(s => s.Items) ?? []).Concat(alert.Sections.SelectMany(s => s.Items)).ToList();
        return new OutgoingMessage(MessageKind.Alert, Title, [new MessageSection(null, items)],
            $"{items.Count} alert{(items.Count == 1 ? "" : "s")} held.");
    }
}
