using Watchbot.Core.Messages;
namespace Watchbot.Core.Commands.Handlers;

public sealed class HelpHandler : ICommandHandler
{
    public CommandSpec Spec { get; } = new("help", "/help [command]", "The commands, or how to use one", CommandAccess.Anyone);

    public Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count == 0)
        {
            var visible = context.Commands.Where(c => Allowed(c, context));
            return Task.FromResult(CommandReply.Lines("Commands:", visible.Select(c => $"{c.Usage}: {c.Summary}")));
        }

        var name = context.Args[0].TrimStart('/').ToLowerInvariant();
        var spec = context.Commands.FirstOrDefault(c => c.Name == name);
        if (spec is null)
        {
            var shown = SafeText.Prefix(name, 32);
            return Task.FromResult(CommandReply.Text($"There is no command /{shown}. Send /help to see them.", ephemeral: true));
        }

        var lines = new List<string> { $"Usage: {spec.Usage}", spec.Summary + "." };
        if (spec.Details is not null)
        {
            lines.Add(spec.Details);
        }

        if (spec.Access != CommandAccess.Anyone)
        {
            lines.Add(spec.Access switch
            {
                CommandAccess.ChatAdmin => "In groups, only chat administrators may use it.",
                CommandAccess.Curator => "Only curators and bot owners may use it.",
                _ => "Only bot owners may use it.",
            });
        }

        return Task.FromResult(CommandReply.Lines($"/{spec.Name}", lines));
    }

    private static bool Allowed(CommandSpec spec, CommandContext context) => spec.Access switch
    {
        CommandAccess.Curator => context.IsCurator,
        CommandAccess.Owner => context.IsOwner,
        _ => true,
    };
}
