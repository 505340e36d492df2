namespace Watchbot.Fakes.Telegram;

/// <summary>The faults a <see cref="FakeFaultProfile"/> injects, as a real network and Bot API produce them.</summary>
public enum FakeFault
{
    /// <summary>500 Internal Server Error, in the Bot API's JSON envelope.</summary>
    InternalServerError,

    /// <summary>502 Bad Gateway as an HTML page from the proxy in front of the Bot API.</summary>
    BadGateway,

    /// <summary>No answer until the client gives up (its request timeout).</summary>
    Hang,

    /// <summary>The connection is aborted (a TCP reset) before any answer.</summary>
    ConnectionReset,

    /// <summary>429 Too Many Requests with retry_after.</summary>
    TooManyRequests,
}

/// <summary>
/// Random faults for sendMessage: a share of the calls fail, each in one of the <see cref="FakeFault"/> ways, drawn
/// from a seeded generator (the same seed gives the same sequence of faults; which message meets which fault still
/// depends on the order the calls arrive in). A share of the hangs and resets (<see cref="AfterAcceptShare"/>) happen
/// after the message was accepted, as when an answer is lost on the way back: the bot cannot tell that it was sent,
/// and sends it again. The profile counts what it injected.
/// </summary>
public sealed class FakeFaultProfile(int seed, double share)
{
    private readonly Random random = new(seed);
    private readonly Lock gate = new();
    private readonly int[] injected = new int[Enum.GetValues<FakeFault>().Length];
    private int lostAfterAccept;
    private int calls;

    public int Seed { get; } = seed;

    /// <summary>The share of sendMessage calls that fail (0 to 1).</summary>
    public double Share { get; } = share;

    /// <summary>Of the hangs and resets, the share that come after the message was accepted (its answer is lost).</summary>
    public double AfterAcceptShare { get; init; } = 0.25;

    /// <summary>retry_after of the injected 429s, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The faults drawn from (all of them unless told otherwise).</summary>
    public IReadOnlyList<FakeFault> Kinds { get; init; } = Enum.GetValues<FakeFault>();

    /// <summary>sendMessage calls the profile has seen.</summary>
    public int Calls => Volatile.Read(ref calls);

    /// <summary>Accepted messages whose answer was then lost (hang or reset after accepting): the only ones a bot
    /// without an idempotency key can send twice.</summary>
    public int LostAfterAccept => Volatile.Read(ref lostAfterAccept);

    public int Injected(FakeFault fault)
    {
        lock (gate)
        {
            return injected[(int)fault];
        }
    }

    public int TotalInjected
    {
        get
        {
            lock (gate)
            {
                return injected.Sum();
            }
        }
    }

    /// <summary>"500: 12, 502: 9, ..." for test logs and the report.</summary>
    public string Describe() =>
        string.Join(", ", Enum.GetValues<FakeFault>().Select(f => $"{f}: {Injected(f)}")) + $"; answers lost after accepting: {LostAfterAccept}";

    /// <summary>Draws the fate of one call: null to answer normally, or a fault and whether it strikes after accepting.</summary>
    public (FakeFault Fault, bool AfterAccept)? Draw()
    {
        lock (gate)
        {
            calls++;
            if (random.NextDouble() >= Share)
            {
                return null;
            }

            var fault = Kinds[random.Next(Kinds.Count)];
            injected[(int)fault]++;
            var after = fault is FakeFault.Hang or FakeFault.ConnectionReset && random.NextDouble() < AfterAcceptShare;
            return (fault, after);
        }
    }

    internal void CountLostAfterAccept() => Interlocked.Increment(ref lostAfterAccept);
}
