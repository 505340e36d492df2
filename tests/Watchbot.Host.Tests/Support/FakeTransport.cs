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

    public Task<DeliveryResult> SendAsync(ChatAddress chat, OutgoingMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (Always(chat.ChatId) is { } fixedAnswer)
        {
            return Task.FromResult(fixedAnswer);
        }

        if (scripted.TryGetValue(chat.ChatId, out var queue))
        {
            lock (queue)
            {
                if (queue.Count > 0)
                {
                    return Task.FromResult(queue.Dequeue());
                }
            }
        }

        Delivered.Enqueue((chat, message));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered($"m{Calls}"));
    }
}
