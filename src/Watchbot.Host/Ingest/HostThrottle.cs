namespace Watchbot.Host.Ingest;

/// <summary>
/// How many fetches run at once: at most <paramref name="total"/> in all and <paramref name="perHost"/> to any one host, so
/// a feed's pages come in parallel without one site seeing more than a polite reader's load.
/// </summary>
public sealed class HostThrottle(int total, int perHost)
{
    private readonly SemaphoreSlim all = new(Math.Max(1, total));
    private readonly Dictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>Runs <paramref name="fetch"/> once both a slot in all and one for the URL's host are free.</summary>
    public async Task<T> RunAsync<T>(Uri url, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(fetch);
        SemaphoreSlim host;
        lock (gate)
        {
            if (!hosts.TryGetValue(url.Authority, out host!))
            {
                hosts[url.Authority] = host = new SemaphoreSlim(Math.Max(1, perHost));
            }
        }

        await host.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await all.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await fetch(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                all.Release();
            }
        }
        finally
        {
            host.Release();
        }
    }
}
