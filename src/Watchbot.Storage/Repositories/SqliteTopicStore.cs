using Microsoft.Data.Sqlite;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Storage.Internal;

namespace Watchbot.Storage.Repositories;

/// <summary>Topics by name, with their places, actors, keywords and sides as JSON.</summary>
public sealed class SqliteTopicStore(SqliteDatabase database) : ITopicStore
{
    private const string Columns = "name, description, places, actors, keywords, sides";

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
                 INSERT INTO topics ({Columns}) VALUES (@name, @description, @places, @actors, @keywords, @sides)
                 ON CONFLICT (name) DO UPDATE SET description = excluded.description, places = excluded.places,
                     actors = excluded.actors, keywords = excluded.keywords, sides = excluded.sides
                 """)
            .With("@name", topic.Name)
            .With("@description", topic.Description ?? "")
            .With("@places", StoredJson.Places(topic.Places))
            .With("@actors", StoredJson.Actors(topic.Actors))
            .With("@keywords", StoredJson.Strings(topic.Keywords))
            .With("@sides", StoredJson.Sides(topic.Sides));
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
                StoredJson.ReadActors(r.GetString(3)),
                StoredJson.ReadStrings(r.GetString(4)))
            {
                Sides = StoredJson.ReadSides(r.GetString(5)),
            });
        }

        return topics;
    }
}
