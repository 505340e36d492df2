using System.Text.Json.Serialization;
using Watchbot.Core.Topics;
using Watchbot.Host.EventJsonl;

namespace Watchbot.Host;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNameCaseInsensitive = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<Topic>))]
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
