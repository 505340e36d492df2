using Watchbot.Core.Commands;

namespace Watchbot.Core.Tests;

public sealed class CommandRateLimiterTests
{
    [Fact]
    public void A_flood_is_answered_once_then_ignored_until_the_bucket_refills()
    {
        var limiter = new CommandRateLimiter(burst: 3, refillEvery: TimeSpan.FromSeconds(2));
        var now = Samples.Noon;

        var verdicts = Enumerable.Range(0, 6).Select(_ => limiter.Check("telegram:1", now).Verdict).ToList();

        Assert.Equal(
            [CommandRateLimiter.Verdict.Allowed, CommandRateLimiter.Verdict.Allowed, CommandRateLimiter.Verdict.Allowed,
             CommandRateLimiter.Verdict.LimitedWarn, CommandRateLimiter.Verdict.LimitedSilent, CommandRateLimiter.Verdict.LimitedSilent],
            verdicts);
        Assert.Equal(CommandRateLimiter.Verdict.Allowed, limiter.Check("telegram:1", now.AddSeconds(2)).Verdict);
    }

    [Fact]
    public void One_persons_flood_never_slows_another()
    {
        var limiter = new CommandRateLimiter(burst: 2);
        for (var i = 0; i < 100; i++)
        {
            limiter.Check("telegram:1", Samples.Noon);
        }

        Assert.Equal(CommandRateLimiter.Verdict.Allowed, limiter.Check("telegram:2", Samples.Noon).Verdict);
    }

    [Fact]
    public void Send_times_out_of_order_never_refill_the_bucket_twice()
    {
        var limiter = new CommandRateLimiter(burst: 2, refillEvery: TimeSpan.FromSeconds(2));
        var later = Samples.Noon.AddSeconds(10);
        limiter.Check("telegram:1", later);
        limiter.Check("telegram:1", later);

        Assert.NotEqual(CommandRateLimiter.Verdict.Allowed, limiter.Check("telegram:1", Samples.Noon).Verdict);
        Assert.NotEqual(CommandRateLimiter.Verdict.Allowed, limiter.Check("telegram:1", later).Verdict);
    }
}
