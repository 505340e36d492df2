using Watchbot.Core.Commands.Admin;

namespace Watchbot.Core.Commands.Handlers;

/// <summary>/admin: hands the call to the named action, after the owner check for owner-only ones.</summary>
public sealed class AdminHandler : ICommandHandler
{
    private readonly Dictionary<string, IAdminAction> actions;

    public AdminHandler(IEnumerable<IAdminAction> actions)
    {
        this.actions = actions.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        Spec = new CommandSpec("admin", "/admin <" + string.Join("|", this.actions.Keys.Order(StringComparer.Ordinal)) + "> ...",
            "Curate topics and the event store (curators and owners)", CommandAccess.Curator,
            string.Join(Environment.NewLine, this.actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Usage)));
    }

    public CommandSpec Spec { get; }

    public Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count == 0 || !actions.TryGetValue(context.Args[0], out var action))
        {
            return Task.FromResult(CommandReply.Lines("Admin commands:", actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Usage), ephemeral: true));
        }

        if (action.OwnerOnly && !context.IsOwner)
        {
            return Task.FromResult(CommandReply.Text($"Only bot owners can use /admin {action.Name}.", ephemeral: true));
        }

        return action.HandleAsync(context, context.Args.Skip(1).ToList(), cancellationToken);
    }
}
