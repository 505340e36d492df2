namespace Watchbot.Fakes.Discord;

/// <summary>Discord's rules for what a bot sends on one gateway connection: at most 120 frames a minute (else close
/// 4008), one Identify (a second closes 4005), and a heartbeat at least every <see cref="Deadline"/> (else close 4009).</summary>
public sealed class FakeGatewayRules(TimeSpan deadline)
{
    public const int SendsPerMinute = 120;
    private readonly Queue<DateTimeOffset> sends = new();
    private readonly Lock gate = new();
    private DateTimeOffset lastHeartbeat = DateTimeOffset.UtcNow;
    private bool identified;

    public TimeSpan Deadline => deadline;

    /// <summary>Takes in one frame the bot sent; the close code if it broke a rule.</summary>
    public int? OnFrame(int? op)
    {
        var now = DateTimeOffset.UtcNow;
        lock (gate)
        {
            while (sends.Count > 0 && sends.Peek() + TimeSpan.FromMinutes(1) <= now)
            {
                sends.Dequeue();
            }

            sends.Enqueue(now);
            if (sends.Count > SendsPerMinute)
            {
                return 4008;
            }

            if (op == 2 && identified)
            {
                return 4005;
            }

            identified |= op == 2;
            if (op == 1)
            {
                lastHeartbeat = now;
            }

            return null;
        }
    }

    /// <summary>True once the bot let more than the deadline pass without a heartbeat.</summary>
    public bool HeartbeatOverdue()
    {
        lock (gate)
        {
            return DateTimeOffset.UtcNow - lastHeartbeat > deadline;
        }
    }
}
