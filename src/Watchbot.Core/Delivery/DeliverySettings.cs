namespace Watchbot.Core.Delivery;

public sealed record DeliverySettings
{
    /// <summary>After this many passing failures a message is given up and logged.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>How many chats are sent to at once; the transport still enforces the platform's limits.</summary>
    public int Parallelism { get; init; } = 8;

    public int BatchSize { get; init; } = 100;

    /// <summary>While every free slot waits on a chat still sending, how often the outbox is read again for messages
    /// that fell due meanwhile.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The first retry delay when the platform gives none; doubles each attempt up to 10 minutes.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(2);
}
