using Watchbot.Core.Stores;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Curators ("platform:userId") granted by owners.</summary>
public sealed class SqliteRoleStore(SqliteDatabase database) : IRoleStore
{
    public async Task<bool> IsCuratorAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("SELECT COUNT(*) FROM curators WHERE user_key = @key").With("@key", userKey);
        return await command.ScalarLongAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>True when newly granted; false (and the first grant kept) when the user already was a curator.</summary>
    public async Task<bool> GrantCuratorAsync(string userKey, string grantedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(grantedBy);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                "INSERT INTO curators (user_key, granted_by, granted_at) VALUES (@key, @by, @at) ON CONFLICT (user_key) DO NOTHING")
            .With("@key", userKey)
            .With("@by", grantedBy)
            .With("@at", Db.Time(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> RevokeCuratorAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("DELETE FROM curators WHERE user_key = @key").With("@key", userKey);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
