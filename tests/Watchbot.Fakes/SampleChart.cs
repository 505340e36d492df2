using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Charts;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;

namespace Watchbot.Fakes;

/// <summary>A real digest chart for transport tests: one running toll (40, then 104 on the digest's day), drawn by the
/// program's renderer into <paramref name="folder"/>.</summary>
public static class SampleChart
{
    public static async Task<MessageImage> RenderAsync(string folder)
    {
        var today = new DateOnly(2020, 10, 10);
        var key = new TallyKey("armenia", Population.Military, CasualtyOutcome.Killed, "artsakh officials");
        var chart = new DigestChart("karabakh", today.AddDays(-29), today,
            [new TallySeries(key, "Armenia military killed, per Artsakh officials", [new TallyPoint(today.AddDays(-5), 40, 1), new TallyPoint(today, 104, 2)])]);
        return (await new ScottPlotChartRenderer(folder, NullLogger<ScottPlotChartRenderer>.Instance).RenderAsync(chart, CancellationToken.None))!;
    }
}
