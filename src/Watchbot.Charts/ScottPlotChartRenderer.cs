using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using ScottPlot;
using Watchbot.Core.Digests;
using Watchbot.Core.Messages;

namespace Watchbot.Charts;

/// <summary>
/// Draws a digest's chart with ScottPlot (SkiaSharp underneath) as a PNG of <see cref="DigestChart.Width"/> by
/// <see cref="DigestChart.Height"/> pixels and writes it to <paramref name="folder"/>, named by the topic, the day and
/// a hash of its bytes (the same picture drawn twice is one file). The transports read the file when they send.
/// </summary>
public sealed class ScottPlotChartRenderer(string folder, ILogger<ScottPlotChartRenderer> logger) : IChartRenderer
{
    /// <summary>At most this many lines are drawn (the largest tallies); the legend would hide the chart beyond it.</summary>
    public const int MaxLines = 8;

    private static readonly string[] Palette = ["#c0392b", "#1f6fb2", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b8860b"];

    public string Folder => folder;

    public async Task<MessageImage?> RenderAsync(DigestChart chart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var png = Draw(chart);
        Directory.CreateDirectory(folder);
        var hash = Convert.ToHexStringLower(SHA256.HashData(png))[..12];
        var path = Path.GetFullPath(Path.Combine(folder, $"{Slug(chart.Topic)}-{chart.To:yyyyMMdd}-{hash}.png"));
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, png, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }

        logger.LogInformation("Drew the chart of {Topic} for {Day:yyyy-MM-dd}: {Lines} lines, {Bytes} bytes, {Path}", chart.Topic, chart.To, chart.Series.Count, png.Length, path);
        return new MessageImage(path, DigestChart.Width, DigestChart.Height, chart.Description);
    }

    /// <summary>The chart as PNG bytes: one line per tally, the day's figure of each ringed and labelled with its change.</summary>
    public static byte[] Draw(DigestChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = new Plot();
        if (SansFont() is { } font)
        {
            plot.Font.Set(font);
        }

        var from = ToX(chart.From);
        var to = ToX(chart.To);
        var max = 0;
        var lines = chart.Series.Take(MaxLines).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var series = lines[i];
            var color = Color.FromHex(Palette[i % Palette.Length]);
            var xs = series.Points.Select(p => ToX(p.Date)).ToArray();
            var ys = series.Points.Select(p => (double)p.Count).ToArray();
            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            scatter.LegendText = series.Label;
            max = Math.Max(max, series.Points.Max(p => p.Count));

            // The day's change: a ring around the day's figure, labelled with the rise since the figure before it (or
            // "new" when the day opened the tally).
            if (series.FigureOn(chart.To) is { } top)
            {
                var ring = plot.Add.Marker(to, top, MarkerShape.OpenCircle, 14, color);
                ring.LineWidth = 2;
                var change = series.ChangeOn(chart.To);
                var text = change is { } c ? (c >= 0 ? "+" : "") + c.ToString("N0", CultureInfo.InvariantCulture) : "new";
                var label = plot.Add.Text(text, to, top);
                label.LabelFontColor = color;
                label.LabelBold = true;
                label.LabelFontSize = 13;
                label.LabelAlignment = Alignment.LowerRight;
                label.OffsetX = -8;
                label.OffsetY = -6;
            }
        }

        var today = plot.Add.VerticalLine(to, 1, Color.FromHex("#9aa3b2"), LinePattern.Dashed);
        today.LegendText = "";
        var axis = plot.Axes.DateTimeTicksBottom();
        axis.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = d => d.ToString("d MMM", CultureInfo.InvariantCulture) };
        plot.Axes.SetLimitsX(from - 0.5, to + 1);
        plot.Axes.SetLimitsY(0, Math.Max(4, max * 1.15));
        plot.Title($"{char.ToUpperInvariant(chart.Topic[0])}{chart.Topic[1..]}: killed and wounded as claimed, {chart.From:d MMM} to {chart.To:d MMM yyyy}", 15);
        plot.Axes.Left.Label.Text = "people (running total)";
        plot.Axes.Left.Label.FontSize = 12;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 11;
        plot.ShowLegend();
        return plot.GetImageBytes(DigestChart.Width, DigestChart.Height, ImageFormat.Png);
    }

    /// <summary>Deletes chart files older than <paramref name="age"/>; returns how many. A digest still queued that names one
    /// goes as text alone.</summary>
    public static int DeleteOlderThan(string folder, TimeSpan age, DateTimeOffset now)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.png"))
        {
            if (File.GetLastWriteTimeUtc(file) < (now - age).UtcDateTime)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }

    private static double ToX(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string Slug(string topic) =>
        new(topic.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>A sans-serif face the machine has (the default would be a serif one), or null to leave ScottPlot's.</summary>
    private static string? SansFont()
    {
        var families = SkiaSharp.SKFontManager.Default.FontFamilies;
        return new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial" }.FirstOrDefault(f => families.Contains(f, StringComparer.OrdinalIgnoreCase));
    }
}
