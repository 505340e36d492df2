using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Digests;

/// <summary>How digests behave (bound from Watchbot:Digest by the host).</summary>
public sealed record DigestSettings
{
    /// <summary>Send a scheduled digest even when nothing new happened.</summary>
    public bool SendEmpty { get; init; }

    /// <summary>A new subscription's first digest covers this much time before it began.</summary>
    public TimeSpan FirstDigestLookback { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How many events one digest may hold. When more are new, it holds the most severe (the newest first among
    /// equal severity), each section still in date order, and its footer says how many less severe events it left out
    /// and that /latest lists the newest.</summary>
    public int MaxEvents { get; init; } = 200;

    /// <summary>On /subscribe, send at once a digest of the topic's last <see cref="FirstDigestLookback"/>;
    /// it counts as the subscription's first digest.</summary>
    public bool RecapOnSubscribe { get; init; } = true;

    /// <summary>How many due digests are composed and queued together, in one transaction (bound from
    /// Watchbot:Digest:BatchSize). A crash loses at most the batch under way, which stays due.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>The schedule a new subscription starts with.</summary>
    public DigestSchedule DefaultSchedule { get; init; } = DigestSchedule.Default;
}
