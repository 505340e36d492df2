namespace Watchbot.Fakes.Telegram;

/// <summary>The ways the fake can be told to fail a call, each as the real Bot API answers it.</summary>
public abstract record FakeFailure
{
    public sealed record TooManyRequests(int RetryAfter) : FakeFailure;

    public sealed record Blocked : FakeFailure;

    public sealed record Kicked : FakeFailure;

    public sealed record ChatNotFound : FakeFailure;

    public sealed record Migrated(long NewChatId) : FakeFailure;

    public sealed record BadGateway : FakeFailure;

    public sealed record Unauthorized : FakeFailure;

    public sealed record Conflict : FakeFailure;

    /// <summary>Never answers (until the client gives up).</summary>
    public sealed record Hang : FakeFailure;

    /// <summary>Does the call at once (a message counts as sent) but holds the answer back this long, as a slow
    /// network does: the bot cannot tell yet that it succeeded.</summary>
    public sealed record LateAnswer(TimeSpan By) : FakeFailure;

    /// <summary>Answers normally (to script a failure after a success).</summary>
    public sealed record Pass : FakeFailure;

    public static FakeFailure Flood(int retryAfter) => new TooManyRequests(retryAfter);
}
