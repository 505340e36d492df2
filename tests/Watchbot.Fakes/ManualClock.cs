namespace Watchbot.Fakes;

/// <summary>The one clock tests move by hand: read or set <see cref="Now"/>, or <see cref="Advance"/> it. Timers and
/// delays still run on real time (a test that needs them waits for real), so nothing hangs on a clock nobody moves.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public void Set(DateTimeOffset to) => Now = to;
}
