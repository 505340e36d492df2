using Microsoft.Extensions.Logging;
using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands;

/// <summary>
/// The one way into the bot for every platform: parses the line, finds the handler, checks who may run it,
/// runs it, and turns every failure into a short reply. Nothing a user types can make it throw.
/// </summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, ICommandHandler> handlers;
    private readonly AccessPolicy policy;
    private readonly IRoleStore roles;
    private readonly TimeProvider time;
    private readonly ILogger<CommandRouter> logger;
    private readonly CommandRateLimiter limiter;
    private readonly ISubscriptionStore? subscriptions;

    /// <param name="subscriptions">When given, a chat whose subscriptions are paused is offered to resume them in every answer.</param>
    public CommandRouter(IEnumerable<ICommandHandler> handlers, AccessPolicy policy, IRoleStore roles, TimeProvider time, ILogger<CommandRouter> logger,
        CommandRateLimiter? limiter = null, ISubscriptionStore? subscriptions = null)
    {
        this.subscriptions = subscriptions;
        this.limiter = limiter ?? new CommandRateLimiter();
        this.handlers = handlers.ToDictionary(h => h.Spec.Name, StringComparer.OrdinalIgnoreCase);
        this.policy = policy;
        this.roles = roles;
        this.time = time;
        this.logger = logger;
        Commands = this.handlers.Values.Select(h => h.Spec).OrderBy(s => s.Access).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<CommandSpec> Commands { get; }

    /// <summary>The reply to a line, or null when the line is not for this bot (plain talk in a group, /cmd@OtherBot).</summary>
    public async Task<CommandReply?> HandleAsync(IncomingCommand incoming, CancellationToken cancellationToken, string? botName = null)
    {
        var parsed = CommandLine.Parse(incoming.Text, botName);
        var reply = await AnswerAsync(incoming, parsed, cancellationToken).ConfigureAwait(false);
        if (reply is null || subscriptions is null || string.Equals(parsed.Name, Handlers.ResumeHandler.Name, StringComparison.OrdinalIgnoreCase))
        {
            return reply;
        }

        try
        {
            var paused = await subscriptions.CountInactiveAsync(incoming.Chat, cancellationToken).ConfigureAwait(false);
            return paused > 0 ? PausedChatNotice.AddTo(reply, paused) : reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not check whether {Chat} has paused subscriptions; answering without the offer", incoming.Chat);
            return reply;
        }
    }

    private async Task<CommandReply?> AnswerAsync(IncomingCommand incoming, ParsedCommand parsed, CancellationToken cancellationToken)
    {
        // Lines the bot never answers cost nothing; every line it would answer (plain text in a private chat and
        // over-long lines too, not only commands) counts against the sender's budget, and a flood is answered once.
        if (parsed.Outcome == ParseOutcome.ForAnotherBot || (parsed.Outcome == ParseOutcome.NotACommand && incoming.ChatKind != ChatKind.Private))
        {
            return null;
        }

        var (verdict, wait) = policy.IsOwner(incoming.Sender) || incoming.Local
            ? (CommandRateLimiter.Verdict.Allowed, TimeSpan.Zero)
            : limiter.Check(incoming.Sender.Key, SentAtOrNow(incoming.SentAt));
        if (verdict != CommandRateLimiter.Verdict.Allowed)
        {
            logger.LogInformation("Slowed down {User}: too many commands", incoming.Sender.Key);
            return verdict == CommandRateLimiter.Verdict.LimitedWarn
                ? CommandReply.Text($"You are sending commands faster than I can answer them. Please wait {wait.TotalSeconds:0} seconds.", ephemeral: true)
                : null;
        }

        switch (parsed.Outcome)
        {
            case ParseOutcome.NotACommand:
                return CommandReply.Text("I only understand commands. Send /help to see them, or /subscribe karabakh to start.");
            case ParseOutcome.TooLong:
                return CommandReply.Text($"That command is too long (more than {CommandLine.MaxLength} characters). Send /help for the usage.");
        }

        if (!handlers.TryGetValue(parsed.Name, out var handler))
        {
            var closest = Topics.TopicNames.Closest(parsed.Name, handlers.Keys);
            var hint = closest is null ? "" : $" Did you mean /{closest}?";
            return CommandReply.Text($"Unknown command /{Truncate(parsed.Name)}.{hint} Send /help to see the commands.");
        }

        try
        {
            var isOwner = policy.IsOwner(incoming.Sender);
            var isCurator = isOwner || await roles.IsCuratorAsync(incoming.Sender.Key, cancellationToken).ConfigureAwait(false);
            var (args, personal) = Scope(handler.Spec, incoming, parsed.Args);
            var context = new CommandContext(incoming, parsed.Name, args, time.GetUtcNow(), isOwner, isCurator, Commands, personal, parsed.RawArgs);
            var refusal = Refusal(handler.Spec, context);
            if (refusal is not null)
            {
                logger.LogInformation("Refused /{Command} from {User} in {Chat}: {Reason}", handler.Spec.Name, incoming.Sender.Key, incoming.Chat, refusal);
                return CommandReply.Text(refusal, ephemeral: true);
            }

            return await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "/{Command} from {User} in {Chat} failed", handler.Spec.Name, incoming.Sender.Key, incoming.Chat);
            return CommandReply.Text($"Sorry, /{handler.Spec.Name} failed on our side and changed nothing. Please try again in a minute.");
        }
    }

    /// <summary>A scoped command is personal in a private chat or when "me" is among its arguments (which is then dropped).</summary>
    private static (IReadOnlyList<string> Args, bool Personal) Scope(CommandSpec spec, IncomingCommand incoming, IReadOnlyList<string> args)
    {
        if (!spec.Scoped)
        {
            return (args, false);
        }

        var withoutMe = args.Where(a => !string.Equals(a, "me", StringComparison.OrdinalIgnoreCase)).ToList();
        return (withoutMe, incoming.ChatKind == ChatKind.Private || withoutMe.Count != args.Count);
    }

    private static string? Refusal(CommandSpec spec, CommandContext context) => spec.Access switch
    {
        CommandAccess.ChatAdmin when !context.IsChatAdmin && !context.Personal =>
            spec.Scoped
                ? $"Only administrators of this chat can change its settings with /{spec.Name}; add \"me\" to change your own (for example /{spec.Name} karabakh me)."
                : $"Only administrators of this chat can use /{spec.Name} here.",
        CommandAccess.Curator when !context.IsCurator =>
            $"Only curators and bot owners can use /{spec.Name}.",
        CommandAccess.Owner when !context.IsOwner =>
            $"Only bot owners can use /{spec.Name}.",
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32];

    /// <summary>The platform's send time, unless it is missing or ahead of this machine's clock.</summary>
    private DateTimeOffset SentAtOrNow(DateTimeOffset? sentAt)
    {
        var now = time.GetUtcNow();
        return sentAt is { } sent && sent < now ? sent : now;
    }
}
