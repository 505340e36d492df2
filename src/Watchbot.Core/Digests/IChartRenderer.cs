using Watchbot.Core.Messages;

namespace Watchbot.Core.Digests;

/// <summary>Draws a digest's chart as a picture (PNG) and keeps it where the transports can read it. Core names no
/// drawing library: the renderer lives at the edge.</summary>
public interface IChartRenderer
{
    /// <summary>The picture of <paramref name="chart"/>, or null when it could not be drawn (the digest then goes
    /// without it).</summary>
    Task<MessageImage?> RenderAsync(DigestChart chart, CancellationToken cancellationToken);
}

/// <summary>No charts: the digest goes as text alone (tests, and a bot without a renderer).</summary>
public sealed class NoChartRenderer : IChartRenderer
{
    public static readonly NoChartRenderer Instance = new();

    public Task<MessageImage?> RenderAsync(DigestChart chart, CancellationToken cancellationToken) => Task.FromResult<MessageImage?>(null);
}
