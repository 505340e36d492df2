namespace Watchbot.Telegram.Receiving;

/// <summary>Doubling waits between a floor and a ceiling; <see cref="Reset"/> after a success.</summary>
public sealed class Backoff
{
    private readonly TimeSpan first;
    private readonly TimeSpan max;
    private TimeSpan next;

    public Backoff(TimeSpan first, TimeSpan max)
    {
        this.first = first;
        this.max = max;
        next = first;
    }

    public TimeSpan Next()
    {
        var wait = next;
        next = TimeSpan.FromTicks(Math.Min(max.Ticks, next.Ticks * 2));
        return wait;
    }

    public void Reset() => next = first;
}
