using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin grant|revoke &lt;platform:id&gt; curator: owners decide who curates.</summary>
public abstract class CuratorAction(IRoleStore roles, IAuditLog audit, bool grant) : IAdminAction
{
    public abstract string Name { get; }

    public string Usage => $"/admin {Name} <telegram:id|discord:id> curator: {(grant ? "let someone" : "stop someone who can")} curate (owners only)";

    public bool OwnerOnly => true;

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 2 || !string.Equals(args[1], "curator", StringComparison.OrdinalIgnoreCase) || !IsUserKey(args[0]))
        {
            return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }

        var user = args[0].ToLowerInvariant();
        var changed = grant
            ? await roles.GrantCuratorAsync(user, context.Actor, context.Now, cancellationToken).ConfigureAwait(false)
            : await roles.RevokeCuratorAsync(user, cancellationToken).ConfigureAwait(false);
        await audit.AddAsync(context.Actor, Name, $"{user} curator", context.Now, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text((grant, changed) switch
        {
            (true, true) => $"{user} is now a curator.",
            (true, false) => $"{user} was already a curator.",
            (false, true) => $"{user} is no longer a curator.",
            _ => $"{user} was not a curator.",
        }, ephemeral: true);
    }

    private static bool IsUserKey(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || text.Length > 80 || !text[..colon].All(char.IsAsciiLetterLower) || text[(colon + 1)..].Length == 0)
        {
            return false;
        }

        // Telegram and Discord know people by number only; a name there could never match anyone who writes.
        var id = text[(colon + 1)..];
        return text[..colon] is "telegram" or "discord"
            ? id.All(char.IsAsciiDigit)
            : id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }
}

public sealed class GrantAction(IRoleStore roles, IAuditLog audit) : CuratorAction(roles, audit, grant: true)
{
    public override string Name => "grant";
}

public sealed class RevokeAction(IRoleStore roles, IAuditLog audit) : CuratorAction(roles, audit, grant: false)
{
    public override string Name => "revoke";
}
