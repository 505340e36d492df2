using System.Text.Json.Serialization;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;

namespace Watchbot.Storage.Internal;

/// <summary>The JSON columns: camelCase names, enums as their names, computed properties left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<long>))]
[JsonSerializable(typeof(IReadOnlyList<CasualtyClaim>))]
[JsonSerializable(typeof(IReadOnlyList<TopicPlace>))]
[JsonSerializable(typeof(IReadOnlyList<TopicSide>))]
[JsonSerializable(typeof(IReadOnlyList<TopicActor>))]
[JsonSerializable(typeof(SubscriptionFilter))]
[JsonSerializable(typeof(OutgoingMessage))]
[JsonSerializable(typeof(IReadOnlyList<MessageSection>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
