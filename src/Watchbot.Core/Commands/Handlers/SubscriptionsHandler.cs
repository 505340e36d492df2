using Watchbot.Core.Stores;

namespace Watchbot.Core.Commands.Handlers;

public sealed class SubscriptionsHandler(ISubscriptionStore subscriptions, IChatSettingsStore chatSettings) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("subscriptions", "/subscriptions", "What this chat and you follow, with filters, schedule and alerts", CommandAccess.Anyone);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var incoming = context.Incoming;
        var personal = incoming.ChatKind == ChatKind.Private;
        var lines = new List<string>();
        var chatOwn = personal ? [] : (await subscriptions.ListForChatAsync(incoming.Chat, null, cancellationToken).ConfigureAwait(false))
            .Where(s => s.UserId is null).ToList();
        var mine = (await subscriptions.ListForChatAsync(incoming.Sender.PrivateChat, incoming.Sender.UserId, cancellationToken).ConfigureAwait(false)).ToList();
        if (!personal)
        {
            lines.Add(chatOwn.Count == 0 ? "This chat follows no topics." : "This chat follows:");
            lines.AddRange(chatOwn.Select(s => "  " + SubscriptionText.Describe(s)));
            lines.Add(Quiet(await chatSettings.GetAsync(incoming.Chat, cancellationToken).ConfigureAwait(false), "This chat"));
        }

        lines.Add(mine.Count == 0 ? "You follow no topics yourself." : personal ? "You follow:" : "You follow (delivered to your private chat):");
        lines.AddRange(mine.Select(s => "  " + SubscriptionText.Describe(s)));
        lines.Add(Quiet(await chatSettings.GetAsync(incoming.Sender.PrivateChat, cancellationToken).ConfigureAwait(false), "You"));
        if (chatOwn.Count == 0 && mine.Count == 0)
        {
            lines.Add("Send /topics to see the topics, /subscribe <topic> to follow one.");
        }

        return CommandReply.Lines("Subscriptions", lines.Where(l => l.Length > 0), ephemeral: !personal);
    }

    private static string Quiet(Subscriptions.ChatSettings settings, string who) =>
        (settings.Quiet, settings.SnoozeUntil) switch
        {
            (null, null) => "",
            var (quiet, snooze) => $"{who}: {(quiet is null ? "" : $"quiet {quiet.Start:HH:mm}-{quiet.End:HH:mm} {quiet.TimeZone}")}"
                + $"{(quiet is not null && snooze is not null ? "; " : "")}{(snooze is null ? "" : $"alerts snoozed until {snooze:yyyy-MM-dd HH:mm} UTC")}",
        };
}
