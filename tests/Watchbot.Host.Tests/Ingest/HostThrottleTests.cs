using Watchbot.Host.Ingest;

namespace Watchbot.Host.Tests.Ingest;

public sealed class HostThrottleTests
{
    [Fact]
    public async Task Fetches_run_in_parallel_but_never_more_than_the_limits_in_all_and_per_host()
    {
        var throttle = new HostThrottle(total: 3, perHost: 2);
        var running = new Dictionary<string, int>();
        var most = new Dictionary<string, int>();
        var mostInAll = 0;
        var gate = new Lock();

        async Task<int> FetchAsync(Uri url, CancellationToken token)
        {
            lock (gate)
            {
                running[url.Host] = running.GetValueOrDefault(url.Host) + 1;
                most[url.Host] = Math.Max(most.GetValueOrDefault(url.Host), running[url.Host]);
                mostInAll = Math.Max(mostInAll, running.Values.Sum());
            }

            await Task.Delay(20, token);
            lock (gate)
            {
                running[url.Host]--;
            }

            return 1;
        }

        var urls = Enumerable.Range(0, 12).Select(i => new Uri($"http://{(i % 3 == 0 ? "b" : "a")}.example.test/{i}")).ToList();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var done = await Task.WhenAll(urls.Select(u => throttle.RunAsync(u, t => FetchAsync(u, t), deadline.Token)));

        Assert.Equal(12, done.Sum());
        Assert.Equal(2, most["a.example.test"]);
        Assert.True(most["b.example.test"] <= 2);
        Assert.Equal(3, mostInAll);
    }
}
