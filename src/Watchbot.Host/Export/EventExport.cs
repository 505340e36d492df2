using System.Text.Json;
using Watchbot.Core.Storage;

namespace Watchbot.Host.Export;

/// <summary>Every stored event, oldest seq first, one JSON object a line (docs/event-schema.md).</summary>
public static class EventExport
{
    private const int Page = 1000;

    public static async Task<int> WriteJsonlAsync(IEventStore events, TextWriter writer, CancellationToken cancellationToken)
    {
        long cursor = 0;
        var written = 0;
        while (true)
        {
            var page = await events.ListAsync(new EventQuery { AfterSeq = cursor, Status = null, Limit = Page }, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(EventRecord.Of(e), HostJsonContext.Default.EventRecord)).ConfigureAwait(false);
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
