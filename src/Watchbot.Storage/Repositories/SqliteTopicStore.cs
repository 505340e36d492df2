using Microsoft.Data.Sqlite;
using Watchbot.Core.Storage;
using Watchbot.Core.Topics;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Topics by name, with their places, actors and keywords as JSON.</summary>
public sealed class SqliteTopicStore(SqliteDatabase database) : ITopicStore
{
    private const string Columns = "name, description, places, actors, keywords";

    /// <summary>Every topic, by name.</summary>
    public async Task<IReadOnlyList<Topic>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM topics ORDER BY name");
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Topic?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command($"SELECT {Columns} FROM topics WHERE name = @name").With("@name", name);
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task UpsertAsync(Topic topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
                $"""
                 INSERT INTO topics ({Columns}) VALUES (@name, @description, @places, @actors, @keywords)
                 ON CONFLICT (name) DO UPDATE SET description = excluded.description, places = excluded.places,
                     actors = excluded.actors, keywords = excluded.keywords
                 """)
            .With("@name", topic.Name)
            .With("@description", topic.Description ?? "")
            .With("@places", StoredJson.Places(topic.Places))
            .With("@actors", StoredJson.Strings(topic.Actors))
            .With("@keywords", StoredJson.Strings(topic.Keywords));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command("DELETE FROM topics WHERE name = @name").With("@name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static async Task<List<Topic>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var topics = new List<Topic>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            topics.Add(new Topic(
                r.GetString(0),
                r.GetString(1),
                StoredJson.ReadPlaces(r.GetString(2)),
                StoredJson.ReadStrings(r.GetString(3)),
                StoredJson.ReadStrings(r.GetString(4))));
        }

        return topics;
    }
}
