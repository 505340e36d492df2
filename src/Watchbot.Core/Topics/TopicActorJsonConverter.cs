using System.Text.Json;
using System.Text.Json.Serialization;

namespace Watchbot.Core.Topics;

/// <summary>
/// An actor is written as its name alone when it has no other names, else as <c>{"name": ..., "aliases": [...]}</c>; both
/// read back. Topics stored before actors had aliases hold plain names, and a topics file may use either form.
/// </summary>
public sealed class TopicActorJsonConverter : JsonConverter<TopicActor>
{
    public override TopicActor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return TopicActor.Named(reader.GetString() ?? "");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An actor is a name or an object with a name and aliases.");
        }

        string? name = null;
        var aliases = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase))
            {
                name = reader.GetString();
            }
            else if (string.Equals(property, "aliases", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.GetString() is { Length: > 0 } alias)
                    {
                        aliases.Add(alias);
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new TopicActor(name ?? throw new JsonException("An actor has no name."), aliases);
    }

    public override void Write(Utf8JsonWriter writer, TopicActor value, JsonSerializerOptions options)
    {
        if (value.Aliases.Count == 0)
        {
            writer.WriteStringValue(value.Name);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteStartArray("aliases");
        foreach (var alias in value.Aliases)
        {
            writer.WriteStringValue(alias);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
