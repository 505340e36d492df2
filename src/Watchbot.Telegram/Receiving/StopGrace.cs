namespace Watchbot.Telegram.Receiving;

/// <summary>
/// The cancellation for handling one update. It outlives the host's stop request by <see cref="Grace"/>, so an update
/// that is being answered when the host stops is finished and recorded, instead of being cut off after its reply
/// reached Telegram (the answer still on its way back) and run a second time at the next start.
/// </summary>
public sealed class StopGrace : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration registration;

    public StopGrace(CancellationToken stoppingToken, TimeProvider time)
    {
        source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        registration = stoppingToken.Register(() => source.CancelAfter(Grace));
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        registration.Dispose();
        source.Dispose();
    }
}
