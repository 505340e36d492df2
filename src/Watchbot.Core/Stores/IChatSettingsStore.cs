using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Stores;

public interface IChatSettingsStore
{
    Task<ChatSettings> GetAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>Every chat that has quiet hours or a snooze.</summary>
    Task<IReadOnlyList<ChatSettings>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Saves the settings and, in the same transaction, moves the chat's held alerts to
    /// <paramref name="releaseHeldAt"/> (now, when the hold was lifted).</summary>
    Task SaveAsync(ChatSettings settings, DateTimeOffset releaseHeldAt, CancellationToken cancellationToken);
}
