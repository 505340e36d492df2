using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Watchbot.Core.Stores;

namespace Watchbot.Web.Endpoints;

/// <summary>
/// /health for operators and monitors: the heartbeats `watchbot status` reads (Telegram polling, delivery to each
/// platform; alive when seen within two minutes) and when the poll and ingest jobs last ran. 200 when every part that
/// ever reported is alive, 503 otherwise (also when nothing has reported yet). Open even when the page is private: it
/// says only whether the bot lives.
/// </summary>
internal static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/health", async (HttpContext http, IHeartbeats heartbeats, ICursorStore cursors, TimeProvider time) =>
    {
        var now = time.GetUtcNow();
        var beats = await heartbeats.ListAsync(Heartbeat.Prefix, http.RequestAborted);
        var parts = beats.Select(b =>
        {
            var seen = DateTimeOffset.FromUnixTimeSeconds(b.Value);
            return new HealthPart(b.Name[Heartbeat.Prefix.Length..], now - seen <= Heartbeat.StaleAfter, seen);
        }).ToList();
        var poll = await cursors.GetAsync(CursorNames.Poll, http.RequestAborted);
        var ingest = await cursors.GetAsync(CursorNames.Ingest, http.RequestAborted);
        var alive = parts.Count > 0 && parts.All(p => p.Alive);
        return Results.Json(new HealthReport(alive, parts, poll.UpdatedAt, ingest.UpdatedAt), WebJsonContext.Default.HealthReport,
            statusCode: alive ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    });
}

public sealed record HealthPart(string Name, bool Alive, DateTimeOffset LastSeen);

public sealed record HealthReport(bool Alive, IReadOnlyList<HealthPart> Parts, DateTimeOffset? LastPoll, DateTimeOffset? LastIngest);

[System.Text.Json.Serialization.JsonSerializable(typeof(HealthReport))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class WebJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
