namespace Watchbot.Core.Commands.Handlers;

public sealed class StartHandler : ICommandHandler
{
    public CommandSpec Spec { get; } = new("start", "/start", "What this bot does and how to begin", CommandAccess.Anyone);

    public Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandReply.Lines("Watchbot follows a conflict through the news and tells you what changed.",
        [
            "/topics lists what you can follow.",
            "/subscribe karabakh gives this chat a daily digest of new escalations, casualty figures, ceasefire statements, displacement and prisoner releases.",
            "/digest now sends the digest at once.",
            "/help lists every command.",
        ]));
}
