namespace Watchbot.Discord.Gateway;

/// <summary>Jittered exponential back-off between reconnects: from the minimum, doubling, up to the maximum
/// (1 s to 60 s by default), each delay a random point in its upper half so many bots never reconnect in step.</summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    public int Failures { get; private set; }

    public void Reset() => Failures = 0;

    public TimeSpan Next() => JitteredBackoff.Delay(min, max, Failures++, random.NextDouble());
}
