namespace Watchbot.Telegram.Sending;

/// <summary>
/// Telegram's 429 does not say whether one chat or the whole bot went too fast. A 429 is taken as global when
/// another chat had one within the last two seconds; otherwise it pauses only its own chat.
/// </summary>
public sealed class FloodWatch(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly Lock gate = new();
    private long lastChat;
    private DateTimeOffset lastAt = DateTimeOffset.MinValue;

    /// <summary>Records a 429 for a chat and says whether it looks global.</summary>
    public bool IsGlobal(long chatId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var global = lastChat != chatId && now - lastAt <= Window;
            lastChat = chatId;
            lastAt = now;
            return global;
        }
    }
}
