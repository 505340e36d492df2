using Watchbot.Core.Commands;
using Watchbot.Core.Stores;

namespace Watchbot.Web.SignIn;

public enum SignInOutcome { SignedIn, Invalid, Expired, Used, NotCurator }

/// <summary>
/// Turns a one-time link into a signed-in curator: the signature must be ours, the link not expired, its nonce never
/// seen (each accepted nonce is stored as the cursor web.signin.&lt;nonce&gt;, so it stays used across restarts), and the
/// person still an owner or curator. A link is spent even when the person turns out not to be a curator.
/// </summary>
public sealed class SignInRedeemer(SignInTokens tokens, ICursorStore cursors, CuratorCheck curators, TimeProvider time)
{
    public const string UsedPrefix = "web.signin.";

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>What the link would do, without spending it (the page that asks "sign in?").</summary>
    public async Task<(SignInOutcome Outcome, SignInClaim? Claim)> PeekAsync(string? token, CancellationToken cancellationToken)
    {
        var claim = tokens.Read(token);
        if (claim is null)
        {
            return (SignInOutcome.Invalid, null);
        }

        if (claim.ExpiresAt <= time.GetUtcNow())
        {
            return (SignInOutcome.Expired, claim);
        }

        var used = await cursors.GetAsync(UsedPrefix + claim.Nonce, cancellationToken).ConfigureAwait(false);
        return (used.UpdatedAt is null ? SignInOutcome.SignedIn : SignInOutcome.Used, claim);
    }

    /// <summary>Spends the link. One at a time, so two requests racing with the same link cannot both win.</summary>
    public async Task<(SignInOutcome Outcome, SignInClaim? Claim)> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (outcome, claim) = await PeekAsync(token, cancellationToken).ConfigureAwait(false);
            if (outcome != SignInOutcome.SignedIn)
            {
                return (outcome, claim);
            }

            var now = time.GetUtcNow();
            await cursors.SetAsync(UsedPrefix + claim!.Nonce, claim.ExpiresAt.ToUnixTimeSeconds(), now, cancellationToken).ConfigureAwait(false);
            return (await curators.IsCuratorAsync(claim.ActorKey, cancellationToken).ConfigureAwait(false) ? SignInOutcome.SignedIn : SignInOutcome.NotCurator, claim);
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>Who may curate, exactly as the command router decides it for /admin: an owner, or a granted curator.</summary>
public sealed class CuratorCheck(AccessPolicy policy, IRoleStore roles)
{
    public static CommandSender SenderOf(string actorKey)
    {
        var colon = actorKey.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? new CommandSender(actorKey[..colon], actorKey[(colon + 1)..]) : new CommandSender("web", actorKey);
    }

    public bool IsOwner(string actorKey) => policy.IsOwner(SenderOf(actorKey));

    public async Task<bool> IsCuratorAsync(string actorKey, CancellationToken cancellationToken) =>
        IsOwner(actorKey) || await roles.IsCuratorAsync(actorKey, cancellationToken).ConfigureAwait(false);
}
