using System.Collections.Concurrent;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Host.Tests.Support;

/// <summary>A platform whose answers the test decides, per chat; it records what it delivered.</summary>
public sealed class FakeTransport(string platform = "test") : IChatTransport
{
    private readonly ConcurrentDictionary<string, Queue<DeliveryResult>> scripted = new();

    public string Platform => platform;

    public ConcurrentQueue<(ChatAddress Chat, OutgoingMessage Message)> Delivered { get; } = new();

    public int Calls;

    /// <summary>The next answers for a chat, in order; after them, delivery succeeds.</summary>
    public void Script(string chatId, params DeliveryResult[] answers) =>
        scripted[chatId] = new Queue<DeliveryResult>(answers);

    /// <summary>Every send to this chat fails this way, for ever.</summary>
    public Func<string, DeliveryResult?> Always { get; set; } = _ => null;

    /// <summary>Sends to these chats never answer (until cancelled), as a network that hangs.</summary>
    public Func<string, bool> Hangs { get; set; } = _ => false;

    public async Task<DeliveryResult> SendAsync(ChatAddress chat, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (Hangs(chat.ChatId))
        {
            Interlocked.Increment(ref Calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Send(chat, message);
    }

    private DeliveryResult Send(ChatAddress chat, OutgoingMessage message)
    {
        Interlocked.Increment(ref Calls);
        if (Always(chat.ChatId) is { } fixedAnswer)
        {
            return fixedAnswer;
        }

        if (scripted.TryGetValue(chat.ChatId, out var queue))
        {
            lock (queue)
            {
                if (queue.Count > 0)
                {
                    return queue.Dequeue();
                }
            }
        }

        Delivered.Enqueue((chat, message));
        return new DeliveryResult.Delivered($"m{Calls}");
    }
}
