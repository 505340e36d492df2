using System.Text.Json;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;

namespace Watchbot.Storage.Internal;

/// <summary>The JSON columns, written and read through the source-generated context.</summary>
internal static class StoredJson
{
    private static StorageJsonContext Context => StorageJsonContext.Default;

    public static string Strings(IReadOnlyList<string>? values) => JsonSerializer.Serialize(values ?? [], Context.IReadOnlyListString);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize(json, Context.IReadOnlyListString) ?? [];

    public static string Ids(IReadOnlyList<long> ids) => JsonSerializer.Serialize(ids, Context.IReadOnlyListInt64);

    public static string Casualties(IReadOnlyList<CasualtyClaim>? claims) =>
        JsonSerializer.Serialize(claims ?? [], Context.IReadOnlyListCasualtyClaim);

    public static IReadOnlyList<CasualtyClaim> ReadCasualties(string json) =>
        JsonSerializer.Deserialize(json, Context.IReadOnlyListCasualtyClaim) ?? [];

    public static string Places(IReadOnlyList<TopicPlace>? places) => JsonSerializer.Serialize(places ?? [], Context.IReadOnlyListTopicPlace);

    public static IReadOnlyList<TopicPlace> ReadPlaces(string json) => JsonSerializer.Deserialize(json, Context.IReadOnlyListTopicPlace) ?? [];

    public static string Sides(IReadOnlyList<TopicSide>? sides) => JsonSerializer.Serialize(sides ?? [], Context.IReadOnlyListTopicSide);

    public static IReadOnlyList<TopicSide> ReadSides(string json) => JsonSerializer.Deserialize(json, Context.IReadOnlyListTopicSide) ?? [];

    public static string Actors(IReadOnlyList<TopicActor>? actors) => JsonSerializer.Serialize(actors ?? [], Context.IReadOnlyListTopicActor);

    /// <summary>Actors stored as plain names (before they had aliases) read as actors without aliases.</summary>
    public static IReadOnlyList<TopicActor> ReadActors(string json) => JsonSerializer.Deserialize(json, Context.IReadOnlyListTopicActor) ?? [];

    public static string Filter(SubscriptionFilter? filter) => JsonSerializer.Serialize(filter ?? SubscriptionFilter.None, Context.SubscriptionFilter);

    public static SubscriptionFilter ReadFilter(string json) => JsonSerializer.Deserialize(json, Context.SubscriptionFilter) ?? SubscriptionFilter.None;

    public static string Message(OutgoingMessage message) => JsonSerializer.Serialize(message, Context.OutgoingMessage);

    public static string Sections(IReadOnlyList<MessageSection> sections) => JsonSerializer.Serialize(sections, Context.IReadOnlyListMessageSection);

    public static IReadOnlyList<MessageSection> ReadSections(string json) =>
        JsonSerializer.Deserialize(json, Context.IReadOnlyListMessageSection) ?? throw new JsonException("A stored digest body is null.");

    public static OutgoingMessage ReadMessage(string json) =>
        JsonSerializer.Deserialize(json, Context.OutgoingMessage) ?? throw new JsonException("A stored outbox message is null.");
}
