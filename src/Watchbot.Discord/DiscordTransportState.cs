namespace Watchbot.Discord;

/// <summary>Whether the Discord transport still runs. A fatal gateway close (bad token, bad intents, bad shard)
/// stops it, and only it: the sender then stops calling Discord, and the rest of the bot keeps running.</summary>
public sealed class DiscordTransportState
{
    private volatile string? stoppedReason;

    public bool IsStopped => stoppedReason is not null;

    /// <summary>The one-sentence cause and fix, once stopped.</summary>
    public string? StoppedReason => stoppedReason;

    public void Stop(string reason) => stoppedReason ??= reason;
}
