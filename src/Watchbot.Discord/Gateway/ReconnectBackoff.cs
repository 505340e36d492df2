namespace Watchbot.Discord.Gateway;

/// <summary>Jittered exponential back-off between reconnects: from the minimum, doubling, up to the maximum
/// (1 s to 60 s by default), each delay a random point in its upper half so many bots never reconnect in step.</summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    public int Failures { get; private set; }

    public void Reset() => Failures = 0;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Min(Failures, 30)));
        Failures++;
        return TimeSpan.FromMilliseconds(ceiling / 2 + (random.NextDouble() * ceiling / 2));
    }
}
