using Telegram.Bot.Types;

namespace Watchbot.Telegram.Receiving;

/// <summary>Who the bot is (getMe), known once the receiver has started; commands wait for it.</summary>
public sealed class BotIdentity
{
    private readonly TaskCompletionSource<User> me = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set(User user) => me.TrySetResult(user);

    public bool IsKnown => me.Task.IsCompletedSuccessfully;

    public async Task<User> GetAsync(CancellationToken cancellationToken) => await me.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The @username without the @, as "/cmd@name" carries it.</summary>
    public async Task<string?> UsernameAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken).ConfigureAwait(false)).Username;
}
