namespace Watchbot.Discord;

/// <summary>Exponential back-off with jitter: the n-th delay (from 0) has a ceiling of <c>first x 2^n</c>, capped at
/// <c>max</c>, and is a random point in the upper half of it, so retries spread out and many clients never act in step.</summary>
public static class JitteredBackoff
{
    public static TimeSpan Delay(TimeSpan first, TimeSpan max, int failures, double random)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures, 0, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Math.Clamp(random, 0, 1) * ceiling / 2));
    }
}
