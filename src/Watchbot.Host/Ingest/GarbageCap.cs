namespace Watchbot.Host.Ingest;

/// <summary>
/// Collects the youngest generation once the ingest has allocated <paramref name="bytes"/> since the last collection.
/// An article costs about 200 KB of short-lived objects, and the runtime sizes its first generation from the processor's
/// cache as the operating system reports it: on a VM that reports a 260 MB L3 cache, it let about 70 MB more of garbage
/// pile up before collecting, which was a fifth of `watchbot ingest`'s peak memory. The runtime's own knob for it
/// (GCgen0size) can be set only by an environment variable, not in the program's runtimeconfig.json; this does the same
/// from inside. A young-generation collection of the ingest's garbage takes well under a millisecond.
/// </summary>
internal sealed class GarbageCap(long bytes)
{
    private long mark = GC.GetTotalAllocatedBytes();
    private int collections = GC.CollectionCount(0);

    /// <summary>Called between articles, on the thread that hands them to the batch.</summary>
    public void Check()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var count = GC.CollectionCount(0);
        if (count != collections)
        {
            // The runtime collected by itself since.
            (mark, collections) = (allocated, count);
            return;
        }

        if (allocated - mark >= bytes)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            (mark, collections) = (allocated, GC.CollectionCount(0));
        }
    }
}
