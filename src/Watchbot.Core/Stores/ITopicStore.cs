using Watchbot.Core.Topics;

namespace Watchbot.Core.Stores;

public interface ITopicStore
{
    Task<IReadOnlyList<Topic>> ListAsync(CancellationToken cancellationToken);

    Task<Topic?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a topic by name.</summary>
    Task UpsertAsync(Topic topic, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);
}
