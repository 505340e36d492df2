namespace Watchbot.Discord;

/// <summary>Whether the Discord transport still runs. A fatal gateway close (bad token, bad intents, bad shard)
/// stops it, and only it: the sender then stops calling Discord, and the rest of the bot keeps running.</summary>
public sealed class DiscordTransportState
{
    private string? stoppedReason;

    public bool IsStopped => Volatile.Read(ref stoppedReason) is not null;

    /// <summary>The one-sentence cause and fix, once stopped.</summary>
    public string? StoppedReason => Volatile.Read(ref stoppedReason);

    /// <summary>Stops the transport; true when this call stopped it (so its caller logs the cause, once).</summary>
    public bool Stop(string reason) => Interlocked.CompareExchange(ref stoppedReason, reason, null) is null;
}
