using System.Globalization;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Admin;

/// <summary>/admin audit [n]: the latest admin actions, newest first.</summary>
public sealed class AuditAction(IAuditLog audit) : IAdminAction
{
    public string Name => "audit";

    public string Usage => "/admin audit [n]: the latest admin actions (20 unless you say, at most 100)";

    public async Task<CommandReply> HandleAsync(CommandContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var count = 20;
        if (args.Count > 1 || (args.Count == 1 && (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 100)))
        {
            return CommandReply.Text($"Usage: {Usage}", ephemeral: true);
        }

        var entries = await audit.RecentAsync(count, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0
            ? CommandReply.Text("The audit log is empty.", ephemeral: true)
            : CommandReply.Lines("Latest admin actions:", entries.Select(e => $"{e.At:yyyy-MM-dd HH:mm} {e.Actor} {e.Action}: {e.Details}"), ephemeral: true);
    }
}
