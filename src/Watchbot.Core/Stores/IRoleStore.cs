namespace Watchbot.Core.Stores;

/// <summary>Curators granted by owners, as "platform:userId".</summary>
public interface IRoleStore
{
    Task<bool> IsCuratorAsync(string userKey, CancellationToken cancellationToken);

    Task<bool> GrantCuratorAsync(string userKey, string grantedBy, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> RevokeCuratorAsync(string userKey, CancellationToken cancellationToken);
}
