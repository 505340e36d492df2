using Watchbot.Core.Delivery;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Storage.Tests.Support;

internal static class Samples
{
    public static readonly ChatAddress Chat = new("telegram", "-100123");

    public static EventDraft Event(string summary = "Shelling of Stepanakert overnight", params string[] topics) => new()
    {
        Kind = EventKind.Escalation,
        Date = new DateOnly(2020, 10, 3),
        Summary = summary,
        Topics = topics.Length == 0 ? ["karabakh"] : topics,
        Severity = 4,
    };

    public static Subscription Subscription(ChatAddress? chat = null, string topic = "karabakh", string? userId = null) => new()
    {
        Chat = chat ?? Chat,
        UserId = userId,
        Topic = topic,
        CreatedAt = new DateTimeOffset(2020, 10, 1, 12, 0, 0, TimeSpan.Zero),
    };

    public static OutboxDraft Message(string text, ChatAddress? chat = null, long? subscriptionId = null, DateTimeOffset? notBefore = null) =>
        new(chat ?? Chat, OutgoingMessage.Reply(text), subscriptionId, notBefore);
}
