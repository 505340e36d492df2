using System.Text.Json;
using Watchbot.Core.Stores;

namespace Watchbot.Host.EventJsonl;

/// <summary>Every stored event, oldest seq first, one JSON object a line (docs/event-schema.md).</summary>
public static class EventExport
{
    private const int Page = 1000;

    /// <summary>Readable JSON: "+00:00", "é" and quotes in summaries as themselves, not \u escapes. Every line is still
    /// valid JSON; the export is a file for people and programs, never embedded in HTML.</summary>
    private static readonly HostJsonContext Readable = new(new JsonSerializerOptions(HostJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static async Task<int> WriteJsonlAsync(IEventStore events, TextWriter writer, CancellationToken cancellationToken)
    {
        long cursor = 0;
        var written = 0;
        while (true)
        {
            var page = await events.ListAsync(new EventQuery { AfterSeq = cursor, Status = null, Limit = Page }, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(EventRecord.Of(e), Readable.EventRecord)).ConfigureAwait(false);
                written++;
            }

            if (page.Count < Page)
            {
                return written;
            }

            cursor = page[^1].Seq;
        }
    }
}
