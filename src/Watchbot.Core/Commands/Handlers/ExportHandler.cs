using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class ExportHandler(ISubscriptionStore subscriptions, IChatSettingsStore chatSettings) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("export", "/export [me]", "This chat's subscriptions, filters and quiet hours as JSON, for /import",
        CommandAccess.Anyone, Scoped: true);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var mine = await TargetSubscriptions.ListAsync(subscriptions, context, cancellationToken).ConfigureAwait(false);
        var settings = await chatSettings.GetAsync(context.TargetChat, cancellationToken).ConfigureAwait(false);
        return CommandReply.Text(SettingsDocument.Of(mine, settings).ToJson(), context.Personal);
    }
}
