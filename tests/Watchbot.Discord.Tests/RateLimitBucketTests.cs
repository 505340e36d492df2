using Watchbot.Discord.Rest.RateLimits;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

public sealed class RateLimitBucketTests
{
    private static RateLimitHeaders Headers(int remaining, double resetAfter) =>
        new("bucket", 5, remaining, TimeSpan.FromSeconds(resetAfter), false, null);

    [Fact]
    public async Task A_new_bucket_lets_one_request_through_until_its_headers_are_known()
    {
        var bucket = new RateLimitBucket(TimeProvider.System);
        var first = await bucket.AcquireAsync(CancellationToken.None);
        var second = bucket.AcquireAsync(CancellationToken.None);
        await Task.Delay(30);
        Assert.False(second.IsCompleted);

        bucket.Complete(first, Headers(remaining: 3, resetAfter: 60));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        await bucket.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_bucket_with_nothing_remaining_waits_for_reset_after_instead_of_sending()
    {
        var bucket = new RateLimitBucket(TimeProvider.System);
        bucket.Complete(await bucket.AcquireAsync(CancellationToken.None), Headers(remaining: 0, resetAfter: 60));
        using var cts = new CancellationTokenSource();
        var waiting = bucket.AcquireAsync(cts.Token);
        await Task.Delay(30);
        Assert.False(waiting.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_bucket_opens_again_once_its_window_has_reset()
    {
        var bucket = new RateLimitBucket(TimeProvider.System);
        bucket.Complete(await bucket.AcquireAsync(CancellationToken.None), Headers(remaining: 0, resetAfter: 0.05));
        var lease = await bucket.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(lease.Probe);
    }

    [Fact]
    public async Task An_answer_from_an_earlier_window_does_not_shrink_the_current_one()
    {
        var bucket = new RateLimitBucket(TimeProvider.System);
        bucket.Complete(await bucket.AcquireAsync(CancellationToken.None), Headers(remaining: 2, resetAfter: 0.05));
        var old = await bucket.AcquireAsync(CancellationToken.None);
        await Task.Delay(100);
        var probe = await bucket.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        bucket.Complete(probe, Headers(remaining: 4, resetAfter: 60));
        bucket.Complete(old, Headers(remaining: 0, resetAfter: 60));

        Assert.Equal(4, bucket.Snapshot.Remaining);
    }

    [Fact]
    public async Task The_global_limiter_holds_requests_beyond_its_limit_within_the_window()
    {
        var global = new GlobalRateLimiter(2, TimeSpan.FromMinutes(1), TimeProvider.System);
        (await global.AcquireAsync(CancellationToken.None)).Dispose();
        (await global.AcquireAsync(CancellationToken.None)).Dispose();
        using var cts = new CancellationTokenSource();
        var third = global.AcquireAsync(cts.Token);
        await Task.Delay(30);
        Assert.False(third.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public void A_global_429_pauses_every_request_until_retry_after()
    {
        var global = new GlobalRateLimiter(50, TimeSpan.FromSeconds(1), TimeProvider.System);
        global.Pause(TimeSpan.FromSeconds(30));
        Assert.True(global.PausedUntil > DateTimeOffset.UtcNow.AddSeconds(20));
    }

    [Fact]
    public void The_invalid_request_budget_is_exhausted_at_its_limit()
    {
        var budget = new InvalidRequestBudget(3, TimeProvider.System);
        budget.Record();
        budget.Record();
        Assert.Null(budget.Exhausted());
        budget.Record();
        Assert.NotNull(budget.Exhausted());
    }

    [Theory]
    [InlineData("1.5", 1500)]
    [InlineData("0.123", 123)]
    [InlineData("nonsense", -1)]
    public void Reset_after_is_read_in_seconds_with_decimals(string header, int milliseconds)
    {
        var value = RateLimitHeaders.Seconds(header);
        Assert.Equal(milliseconds < 0 ? null : TimeSpan.FromMilliseconds(milliseconds), value);
    }
}

public sealed class BucketSweepTests
{
    private static readonly RateLimitHeaders Open = new("bucket", 5, 4, TimeSpan.FromSeconds(1), false, null);

    [Fact]
    public async Task Buckets_idle_for_a_minute_are_forgotten()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var registry = new BucketRegistry(clock);
        for (var i = 0; i < 2000; i++)
        {
            var bucket = registry.For("POST interactions/{interaction_id}/{token}/callback", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            bucket.Complete(await bucket.AcquireAsync(CancellationToken.None), Open);
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        registry.For("POST channels/{channel_id}/messages", "1");

        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public async Task A_bucket_with_a_request_in_flight_is_kept()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var registry = new BucketRegistry(clock);
        var bucket = registry.For("POST channels/{channel_id}/messages", "1");
        var lease = await bucket.AcquireAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, registry.Sweep());
        bucket.Complete(lease, Open);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, registry.Sweep());
    }
}
