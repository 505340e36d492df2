using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Commands;

/// <summary>
/// The buttons that save typing on a subscription: the event kinds its filter lets through, and its daily digest,
/// each as an on/off switch. Every button is an ordinary command line (the router checks it like a typed one), and
/// says what it wants rather than "toggle", so pressing a stale button twice does not undo itself.
/// </summary>
public static class SubscriptionActions
{
    /// <summary>The most topics one message offers switches for.</summary>
    public const int MaxRows = 10;

    /// <summary>The kinds a filter lets through: an empty list lets every kind through.</summary>
    public static bool Passes(SubscriptionFilter filter, EventKind kind) => filter.Kinds.Count == 0 || filter.Kinds.Contains(kind);

    /// <summary>One switch per kind, two to a row.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageAction>> Kinds(Subscription subscription, string scopeWord) =>
        Enum.GetValues<EventKind>()
            .Select(kind => MessageAction.Switch(Label(kind), Passes(subscription.Filter, kind),
                $"/filter {subscription.Topic}{scopeWord} kinds+={kind.Name()}",
                $"/filter {subscription.Topic}{scopeWord} kinds-={kind.Name()}"))
            .Chunk(2)
            .Select(row => (IReadOnlyList<MessageAction>)row)
            .ToList();

    /// <summary>"Digest now" and the digest switch for one subscription.</summary>
    public static IReadOnlyList<MessageAction> Digest(Subscription subscription, string scopeWord) =>
    [
        new MessageAction("Digest now", $"/digest {subscription.Topic}{scopeWord} now"),
        DigestSwitch(subscription, scopeWord, "Daily digest"),
    ];

    /// <summary>The daily digest on or off.</summary>
    public static MessageAction DigestSwitch(Subscription subscription, string scopeWord, string label) =>
        MessageAction.Switch(label, subscription.Digest.Enabled, $"/digest {subscription.Topic}{scopeWord} on", $"/digest {subscription.Topic}{scopeWord} off");

    /// <summary>What a new subscription is likely to want next: the digest, and the kinds.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageAction>> AfterSubscribe(Subscription subscription, string scopeWord) =>
    [
        Digest(subscription, scopeWord),
        [new MessageAction("Choose kinds", $"/filter {subscription.Topic}{scopeWord}")],
    ];

    public static string Label(EventKind kind) => kind.Info().Label;
}
