namespace Watchbot.Host.Jobs;

/// <summary>
/// The end of a run's first ingest, however it ended. The console chat waits for it (within a bound) so that a person's
/// first <c>/subscribe</c> or <c>/latest</c> sees the configured sources instead of an empty store.
/// </summary>
public sealed class FirstIngest
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Finished() => done.TrySetResult();

    /// <summary>True when the first ingest finished within <paramref name="bound"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        try
        {
            await done.Task.WaitAsync(bound, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
